// JSON output helpers: appending escaped strings and numbers to a line being built.
// The inputs are valid UTF-8 (readers repair), so only quotes, backslashes and control
// characters need escaping. Stateless and thread-safe.
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
