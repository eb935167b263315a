#include "pipeline/json_writer.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "text/swar.h"
#include "text/utf8.h"

namespace newsdedup {

namespace {

using swar::kHighBits;
using swar::kOnes;

// High bit set in each byte of `word` that is zero (exact for the lowest such byte, which is all
// next_escaped_byte needs).
constexpr std::uint64_t zero_bytes(std::uint64_t word) { return (word - kOnes) & ~word & kHighBits; }

// Offset of the first byte at or after `from` that JSON must escape (a control character, '"'
// or '\\'), or text.size(). Eight bytes at a time: most text has nothing to escape.
std::size_t next_escaped_byte(std::string_view text, std::size_t from) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t word = swar::load8(text.data() + i);
    // Bytes below 0x20: subtracting 0x20 borrows into the high bit of exactly those bytes
    // that are below 0x20 and had it clear.
    const std::uint64_t control = (word - 0x20 * kOnes) & ~word & kHighBits;
    const std::uint64_t hits = control | zero_bytes(word ^ ('"' * kOnes)) | zero_bytes(word ^ ('\\' * kOnes));
    // A borrow only flags bytes above a true hit, so the lowest flag is the byte itself.
    if (hits != 0) return i + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
  }
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return text.size();
}

}  // namespace

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
    i = next_escaped_byte(text, i);
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
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

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string json_string_array(std::span<const std::string> values) {
  std::string out = "[";
  for (const std::string& value : values) {
    if (out.size() > 1) out += ", ";
    append_json_string(out, value);
  }
  return out + "]";
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
