#include "pipeline/json_writer.h"

#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

namespace {

// Offset of the first byte at or after `from` that JSON must escape (a control character, '"'
// or '\\') or, with kStopAtHigh, that is not ASCII; or text.size(). Sixteen bytes at a time:
// most text has nothing to escape. A text shorter than a block is copied into one padded with
// spaces, so that ids and short removed lines take the fast path too.
template <bool kStopAtHigh>
std::size_t next_special_byte(std::string_view text, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  const auto special = [](const char* at) {  // bit j: byte at + j is special
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    // Below 0x20 as signed bytes: the control characters and every byte of 0x80 and above.
    const __m128i below_space = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20));
    const __m128i control =
        kStopAtHigh ? below_space : _mm_and_si128(below_space, _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-1)));
    const __m128i quote_or_backslash =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, quote_or_backslash)));
  };
  for (; i + 16 <= text.size(); i += 16)
    if (const unsigned hits = special(text.data() + i); hits != 0) return i + static_cast<std::size_t>(std::countr_zero(hits));
  if (i == text.size()) return i;
  if (text.size() >= 16) {  // the last 16 bytes, looking only at those not seen
    const std::size_t last = text.size() - 16;
    const unsigned hits = special(text.data() + last) & (0xFFFFu << (i - last));
    return hits != 0 ? last + static_cast<std::size_t>(std::countr_zero(hits)) : text.size();
  }
  char block[16];
  std::memset(block, ' ', sizeof block);
  std::memcpy(block, text.data() + i, text.size() - i);
  const unsigned hits = special(block) & ((1u << (text.size() - i)) - 1);
  return hits != 0 ? i + static_cast<std::size_t>(std::countr_zero(hits)) : text.size();
#else
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (kStopAtHigh && c >= 0x80)) return i;
  }
  return text.size();
#endif
}

// Appends `text` escaped, without quotes. With kStopAtHigh it stops before the first byte that
// is not ASCII and returns its offset (text.size() when there is none).
template <bool kStopAtHigh>
std::size_t append_escaped(std::string& out, std::string_view text) {
  std::size_t plain_start = 0;
  for (std::size_t i = next_special_byte<kStopAtHigh>(text, 0); i < text.size();
       i = next_special_byte<kStopAtHigh>(text, i + 1)) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out.append(text.substr(plain_start, i - plain_start));
    if (kStopAtHigh && c >= 0x80) return i;
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
  return text.size();
}

// Writes the decimal of units / 10^4 as fmt's "{}" writes the double nearest it, for units
// below 10^10: the shortest digits that read back as that double are those of the decimal
// itself (two decimals with at most four places lie 10^-4 apart, far more than the double's
// spacing there), and fmt writes numbers from 10^-4 up to 10^16 without an exponent. Whole
// numbers have no point; trailing zeros are dropped.
void append_ten_thousandths(std::string& out, std::uint64_t units) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, units / 10000).ptr;
  if (std::uint64_t fraction = units % 10000; fraction != 0) {
    *end++ = '.';
    for (std::uint64_t place = 1000; fraction != 0; place /= 10) {
      *end++ = static_cast<char>('0' + fraction / place);
      fraction %= place;
    }
  }
  out.append(digits, end);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  // One pass over ASCII text: the escape scan also stops at the first byte that is not ASCII,
  // and only from there is the text checked as UTF-8 (everything before it is ASCII, so a
  // character starts there). Document text is repaired when read, but file names and ids
  // built from them are not: output must be valid JSON whatever the input, so an invalid rest
  // is repaired (U+FFFD) before it is escaped, as the whole text would have been.
  const std::size_t high = append_escaped</*kStopAtHigh=*/true>(out, text);
  if (high < text.size()) {
    const std::string_view rest = text.substr(high);
    if (is_valid_utf8(rest)) {
      append_escaped</*kStopAtHigh=*/false>(out, rest);
    } else {
      std::string repaired(rest);
      repair_utf8(repaired);
      append_escaped</*kStopAtHigh=*/false>(out, repaired);
    }
  }
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
  const double units = std::round(value * 10000.0);
  // Scores and most quality figures: written without fmt's general float formatting.
  if (units >= 0.0 && units < 1e10 && !std::signbit(units)) {
    append_ten_thousandths(out, static_cast<std::uint64_t>(units));
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", units / 10000.0);
}

}  // namespace newsdedup
