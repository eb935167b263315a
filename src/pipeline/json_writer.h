// JSON output helpers: appending escaped strings and numbers to a line being built.
// Strings are escaped (quotes, backslashes, control characters) and any invalid UTF-8 in them
// (a file name, say; document text is repaired when read) is replaced with U+FFFD, so what is
// written is always valid JSON. Stateless and thread-safe.
#pragma once

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>

namespace newsdedup {

void append_json_string(std::string& out, std::string_view text);
// Appends `"key":` (key must not need escaping).
void append_json_key(std::string& out, std::string_view key);
// Appends a number with at most four decimals, as scores are written.
void append_json_number(std::string& out, double value);

// The escaped string with its quotes.
std::string json_string(std::string_view text);

// ["a", "b", ...].
std::string json_string_array(std::span<const std::string> values);

// {"key": value, ...} of a map whose keys and values fmt formats (keys become strings).
template <typename Map>
std::string json_object(const Map& values) {
  std::string out = "{";
  for (const auto& [key, value] : values) {
    if (out.size() > 1) out += ", ";
    append_json_string(out, fmt::format("{}", key));
    out += fmt::format(": {}", value);
  }
  return out + "}";
}

}  // namespace newsdedup
