// Wire datelines: "MOSCOW (Reuters) -", "Reuters, Moscow :", "NEW YORK, March 3 -".
//
// Reprints of one story open it with different datelines, so de-duplication compares bodies
// without them, and a line that opens with one is body text, never a title.
// Stateless and thread-safe.
#pragma once

#include <string_view>

namespace newsdedup {

// The text without a leading dateline, or the text itself when it has none. A dateline is at
// most seven words within the first 60 bytes, each capitalised, a number or in parentheses,
// followed by " - ", " -- ", an en or em dash, " : " or ": ".
std::string_view strip_leading_dateline(std::string_view text);

}  // namespace newsdedup
