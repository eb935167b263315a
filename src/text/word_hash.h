// Word hash: the 64-bit hash that describe() gives every word of a line (LineShape::word_hashes),
// by which the stop-word table, the phrase sets and the repetition search look words up.
//
// A word of up to 16 bytes (nearly all) is hashed from two 8-byte loads masked to its length,
// without a branch on the length: a byte loop ends at a different length for each word, and
// the branch that ends it mispredicts about once a word. Longer words take 16 bytes a turn.
// The mixing is wyhash's: a 64 x 64 -> 128-bit multiplication folded to 64 bits.
// word_hash_padded() reads whole 16-byte blocks, so up to 16 bytes past the word's end must be
// readable (their values do not matter); word_hash() takes any view and hashes a padded copy
// of it (on the stack, or on the heap beyond 64 bytes); short_word_hash_padded() is
// word_hash_padded() for words of up to 16 bytes, a few instructions shorter (describe() hashes
// every word of every paragraph). Stateless; header only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "text/swar.h"

namespace newsdedup {

// Readable bytes that word_hash_padded() needs after a word.
inline constexpr std::size_t kWordHashPadding = 16;

namespace word_hash_detail {

inline constexpr std::uint64_t kSecret0 = 0xA0761D6478BD642Full;
inline constexpr std::uint64_t kSecret1 = 0xE7037ED1A0B428DBull;
inline constexpr std::uint64_t kSecret2 = 0x8EBC6AF09C88C6E3ull;

// The 128-bit product of a and b, its halves xored.
inline std::uint64_t fold_multiply(std::uint64_t a, std::uint64_t b) {
#if defined(__SIZEOF_INT128__)
  __extension__ using Product = unsigned __int128;
  const Product product = static_cast<Product>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
#else
  const std::uint64_t a_low = a & 0xFFFFFFFF, a_high = a >> 32, b_low = b & 0xFFFFFFFF, b_high = b >> 32;
  const std::uint64_t low_low = a_low * b_low, high_low = a_high * b_low, low_high = a_low * b_high;
  const std::uint64_t middle = (low_low >> 32) + (high_low & 0xFFFFFFFF) + low_high;
  const std::uint64_t low = (middle << 32) | (low_low & 0xFFFFFFFF);
  const std::uint64_t high = a_high * b_high + (high_low >> 32) + (middle >> 32);
  return low ^ high;
#endif
}

// All ones in the low `bytes` bytes (all 64 bits from 8 on), as a conditional move.
inline std::uint64_t low_bytes(std::size_t bytes) {
  const std::uint64_t partial = (std::uint64_t{1} << (8 * (bytes & 7))) - 1;
  return bytes >= 8 ? ~std::uint64_t{0} : partial;
}

}  // namespace word_hash_detail

inline std::uint64_t word_hash_padded(const char* word, std::size_t size) {
  using namespace word_hash_detail;
  std::uint64_t seed = kSecret0 ^ size;
  std::size_t at = 0;
  for (; size - at > 16; at += 16)
    seed = fold_multiply(swar::load8(word + at) ^ kSecret1, swar::load8(word + at + 8) ^ seed);
  const std::size_t rest = size - at;  // 0 to 16
  const std::uint64_t low = swar::load8(word + at) & low_bytes(rest);
  const std::uint64_t high = swar::load8(word + at + 8) & low_bytes(rest > 8 ? rest - 8 : 0);
  return fold_multiply(fold_multiply(low ^ kSecret1, high ^ seed) ^ kSecret2, size ^ kSecret1);
}

// word_hash_padded() of a word of at most 16 bytes (nearly every word), the same value with the
// masks for its length read from a table instead of worked out with shifts and compares.
inline std::uint64_t short_word_hash_padded(const char* word, std::size_t size) {
  using namespace word_hash_detail;
  static constexpr auto kMasks = [] {
    struct Masks {
      std::uint64_t low[17];
      std::uint64_t high[17];
    } masks{};
    for (std::size_t rest = 0; rest <= 16; ++rest) {
      const auto ones = [](std::size_t bytes) { return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1; };
      masks.low[rest] = ones(rest);
      masks.high[rest] = ones(rest > 8 ? rest - 8 : 0);
    }
    return masks;
  }();
  const std::uint64_t low = swar::load8(word) & kMasks.low[size];
  const std::uint64_t high = swar::load8(word + 8) & kMasks.high[size];
  return fold_multiply(fold_multiply(low ^ kSecret1, high ^ kSecret0 ^ size) ^ kSecret2, size ^ kSecret1);
}

inline std::uint64_t word_hash(std::string_view word) {
  constexpr std::size_t kOnStack = 64;
  if (word.size() > kOnStack) {  // rare: no stop word or phrase word is this long
    std::string copy(word);
    copy.resize(word.size() + kWordHashPadding);
    return word_hash_padded(copy.data(), word.size());
  }
  char padded[kOnStack + kWordHashPadding] = {};
  std::memcpy(padded, word.data(), word.size());
  return word_hash_padded(padded, word.size());
}

}  // namespace newsdedup
