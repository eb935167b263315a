#include "pipeline/json_writer.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstdint>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

namespace {

// Offset of the first byte at or after `from` that JSON must escape (a control character, '"'
// or '\\'), or text.size(). Sixteen bytes at a time: most text has nothing to escape.
std::size_t next_escaped_byte(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const auto escaped = [&](std::size_t at) {  // bit j: byte at + j must be escaped
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    // Control characters: below 0x20 as signed bytes, and not negative (0x80 and above).
    const __m128i control = _mm_and_si128(_mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-1)));
    const __m128i quote_or_backslash =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, quote_or_backslash)));
  };
  for (; i + 16 <= text.size(); i += 16)
    if (const unsigned hits = escaped(i); hits != 0) return i + static_cast<std::size_t>(std::countr_zero(hits));
  if (i < text.size() && text.size() >= 16) {  // the last 16 bytes, looking only at those not seen
    const std::size_t last = text.size() - 16;
    const unsigned hits = escaped(last) & (0xFFFFu << (i - last));
    return hits != 0 ? last + static_cast<std::size_t>(std::countr_zero(hits)) : text.size();
  }
#endif
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
