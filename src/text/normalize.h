// Text normalisation applied to every document before cleaning.
//
// normalize_text() returns the text in Unicode NFC, with "\r\n" and "\r" turned into "\n", every
// Unicode space (tab, no-break space, em space, ...) turned into an ASCII space, zero-width and
// soft-hyphen characters removed, runs of spaces folded to one and each line trimmed.
// The input must be valid UTF-8 (readers repair it first). Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsdedup {

std::string normalize_text(std::string_view text);

}  // namespace newsdedup
