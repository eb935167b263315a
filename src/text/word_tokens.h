// Word tokens for de-duplication: the words of a cleaned body, in canonical form, as hashes.
//
// A word is a maximal run of letters and digits (any script). Canonical form folds what
// reprints change without changing the story: letter case, and the wire abbreviations that
// editors expand ("mln" -> "million", "pct" -> "percent", "dlrs" -> "dollars", ...).
// Punctuation, quotes (straight or curly) and line breaks never reach a token.
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdedup {

// Appends the 64-bit hash of each canonical word of `text` to `out`.
void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& out);

}  // namespace newsdedup
