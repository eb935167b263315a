#include "text/utf8.h"

#include <cstdint>

#include <simdjson.h>

#include "text/swar.h"

namespace newsdedup {
namespace {

using swar::kHighBits;

// Length of the well-formed sequence starting at p[i] (Unicode Table 3-7), or, when the bytes
// there are ill-formed, minus the length of the maximal subpart to replace (at least 1).
long sequence_length(const unsigned char* p, std::size_t i, std::size_t n) {
  const unsigned char lead = p[i];
  if (lead < 0x80) return 1;
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return -1;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= n) return -static_cast<long>(k);
    const unsigned char c = p[i + k];
    const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) return -static_cast<long>(k);
  }
  return static_cast<long>(need + 1);
}

// Offset of the first ill-formed byte, or n when the whole input is well formed.
std::size_t first_invalid(const unsigned char* p, std::size_t i, std::size_t n) {
  while (i < n) {
    i = swar::next_high_byte({reinterpret_cast<const char*>(p), n}, i);
    if (i >= n) break;
    const long len = sequence_length(p, i, n);
    if (len < 0) return i;
    i += static_cast<std::size_t>(len);
  }
  return n;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  // Every output string passes here, most of them short (ids, titles, removed lines): for those
  // an ASCII check eight bytes at a time costs less than the call into simdjson's validator,
  // which checks 32 or 64 bytes per step and wins on longer text.
  constexpr std::size_t kShort = 64;
  if (bytes.size() <= kShort) {
    std::uint64_t high = 0;
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      high |= swar::load8(bytes.data() + i);
    }
    for (; i < bytes.size(); ++i) high |= static_cast<unsigned char>(bytes[i]);
    if ((high & kHighBits) == 0) return true;
  }
  return simdjson::validate_utf8(bytes.data(), bytes.size());
}

std::size_t repair_utf8(std::string& text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = first_invalid(p, 0, n);
  if (i == n) return 0;  // the common case allocates nothing

  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(n + n / 8 + 3);
  out.append(text, 0, i);
  std::size_t replaced = 0;
  while (i < n) {
    const long len = sequence_length(p, i, n);
    if (len < 0) {
      out.append(kReplacement);
      ++replaced;
      i += static_cast<std::size_t>(-len);
      continue;
    }
    const std::size_t next_bad = first_invalid(p, i, n);
    out.append(text, i, next_bad - i);
    i = next_bad;
  }
  text = std::move(out);
  return replaced;
}

}  // namespace newsdedup
