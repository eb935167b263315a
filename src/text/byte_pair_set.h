// BytePairSet: a set of up to eight byte pairs, tested for whether two adjacent bytes of a text
// form one of them.
//
// A cheap necessary condition for a search of several strings: each string holds one of the
// pairs ("ph" in "photo", "eu" in "reuters"), and most texts hold none, so the searches run
// only for the few that do. Two bytes are far more telling than the one that memchr finds:
// std::string_view::find stops at every occurrence of a needle's first byte. With SSE2, 16
// positions are tested at a time; elsewhere a table per byte of the pair, one position at a
// time. Built at compile time; a value type, immutable, thread-safe to read.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

template <std::size_t N>
class BytePairSet {
  static_assert(N >= 1 && N <= 8, "a pair's bit in a byte-wide mask");

 public:
  // Each entry is two bytes (another length fails the build of a constexpr set).
  constexpr explicit BytePairSet(const std::array<std::string_view, N>& pairs) {
    for (std::size_t k = 0; k < N; ++k) {
      if (pairs[k].size() != 2) throw std::invalid_argument("BytePairSet: an entry that is not two bytes");
      first_lanes_[k].fill(pairs[k][0]);
      second_lanes_[k].fill(pairs[k][1]);
      first_bits_[byte(pairs[k][0])] |= static_cast<std::uint8_t>(1u << k);
      second_bits_[byte(pairs[k][1])] |= static_cast<std::uint8_t>(1u << k);
    }
  }

  // Whether text[i], text[i + 1] is a pair of the set for some i.
  bool any_in(std::string_view text) const {
    const std::size_t n = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    if (n >= 17) {
      // A block tests the pairs that start at its 16 bytes, reading one byte past them; the last
      // block ends at the text's end and may test some pairs again. Each pair's bytes are kept
      // spread over 16 lanes, as the compares read them.
      const auto block_holds_pair = [&](const char* at) {
        const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
        __m128i found = _mm_setzero_si128();
        for (std::size_t k = 0; k < N; ++k)
          found = _mm_or_si128(found, _mm_and_si128(_mm_cmpeq_epi8(first, lanes(first_lanes_[k])),
                                                    _mm_cmpeq_epi8(second, lanes(second_lanes_[k]))));
        return _mm_movemask_epi8(found) != 0;
      };
      for (; i + 17 <= n; i += 16)
        if (block_holds_pair(text.data() + i)) return true;
      return i + 1 < n && block_holds_pair(text.data() + n - 17);
    }
#endif
    for (; i + 1 < n; ++i)
      if ((first_bits_[byte(text[i])] & second_bits_[byte(text[i + 1])]) != 0) return true;
    return false;
  }

 private:
  static constexpr std::size_t byte(char c) { return static_cast<unsigned char>(c); }

#if defined(__SSE2__)
  static __m128i lanes(const std::array<char, 16>& bytes) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(bytes.data()));
  }
#endif

  // Pair k's first and second byte, in each of 16 lanes.
  alignas(16) std::array<std::array<char, 16>, N> first_lanes_{};
  alignas(16) std::array<std::array<char, 16>, N> second_lanes_{};
  std::array<std::uint8_t, 256> first_bits_{};   // bit k: pair k starts with this byte
  std::array<std::uint8_t, 256> second_bits_{};  // bit k: pair k ends with this byte
};

}  // namespace newsdedup
