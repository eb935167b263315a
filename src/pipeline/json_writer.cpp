#include "pipeline/json_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "text/utf8.h"

namespace newsdedup {

void append_json_string(std::string& out, std::string_view text) {
  // Document text is repaired when read, but file names and ids built from them are not:
  // output must be valid JSON whatever the input.
  if (!is_valid_utf8(text)) {
    std::string repaired(text);
    repair_utf8(repaired);
    append_json_string(out, repaired);
    return;
  }
  out.push_back('"');
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(plain_start, i - plain_start));
    plain_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c); break;
    }
  }
  out.append(text.substr(plain_start));
  out.push_back('"');
}

void append_json_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key);
  out += "\":";
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", std::round(value * 10000.0) / 10000.0);
}

}  // namespace newsdedup
