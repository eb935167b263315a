// JSON output helpers: appending escaped strings and numbers to a line being built.
// Strings are escaped (quotes, backslashes, control characters) and any invalid UTF-8 in them
// (a file name, say; document text is repaired when read) is replaced with U+FFFD, so what is
// written is always valid JSON. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsdedup {

void append_json_string(std::string& out, std::string_view text);
// Appends `"key":` (key must not need escaping).
void append_json_key(std::string& out, std::string_view key);
// Appends a number with at most four decimals, as scores are written.
void append_json_number(std::string& out, double value);

}  // namespace newsdedup
