// Eight bytes at a time in a 64-bit word ("SIMD within a register"): the constants, the
// unaligned load and the skip over ASCII that the byte scans share (normalisation, UTF-8
// validation, figure search, the tokenizers' checks of text beyond ASCII, the word hash). Each
// scan builds its own byte tests from these. Stateless; header only.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsdedup::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;      // 0x01 in every byte
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;  // the high bit of every byte

// Eight bytes from `bytes`, which need not be aligned (in memory order on a little-endian
// machine: the first byte is the lowest).
inline std::uint64_t load8(const void* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Offset of the first byte at or after `i` that is not ASCII (high bit set), or text.size():
// text is mostly ASCII, skipped eight bytes at a time.
inline std::size_t next_high_byte(std::string_view text, std::size_t i) {
  for (; i + 8 <= text.size(); i += 8)
    if (const std::uint64_t high = load8(text.data() + i) & kHighBits; high != 0)
      return i + static_cast<std::size_t>(std::countr_zero(high)) / 8;
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

}  // namespace newsdedup::swar
