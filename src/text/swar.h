// Eight bytes at a time in a 64-bit word ("SIMD within a register"): the constants and the
// unaligned load that the byte scans of normalisation (its ASCII check, and its runs where SSE2
// is missing), UTF-8 validation and figure search share. Each scan builds its own byte tests from these. Stateless; header only.
#pragma once

#include <cstdint>
#include <cstring>

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

}  // namespace newsdedup::swar
