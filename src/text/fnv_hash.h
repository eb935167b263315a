// FNV-1a, 64-bit: the cheap hash of short words that describe() gives every word of a line
// (LineShape::word_hashes), by which the stop-word table, the phrase sets and the repetition
// search look words up (within one page or one fixed table, where its weaker mixing does no
// harm).
// Stateless; header only.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdedup {

inline constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ull;
inline constexpr std::uint64_t kFnvPrime = 0x100000001B3ull;

// One more byte into a hash begun with kFnvOffset.
constexpr std::uint64_t fnv1a_step(std::uint64_t hash, char byte) {
  return (hash ^ static_cast<unsigned char>(byte)) * kFnvPrime;
}

constexpr std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = kFnvOffset;
  for (const char c : bytes) hash = fnv1a_step(hash, c);
  return hash;
}

}  // namespace newsdedup
