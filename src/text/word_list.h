// WordList: a fixed list of words, tested for whether it holds a given word.
//
// The furniture rules test nearly every line against such lists, rarely with a match. The list's
// (first byte, length) pairs (WordShapeFilter), built at compile time, turn most words away
// before the list is read; the rest are compared only with the entries that share their first
// byte (the list is kept in order of first bytes, with where each byte's entries start), which
// spares a comparison with each of the many words of the same length. Value type; immutable.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "text/word_shape_filter.h"

namespace newsdedup {

template <std::size_t N>
class WordList {
  static_assert(N < 256, "entry offsets are bytes");

 public:
  // Every entry is non-empty.
  constexpr explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
    for (std::string_view word : words) shapes_.add(word);
    // Insertion sort by first byte (stable; the lists are short and this runs at compile time).
    for (std::size_t i = 1; i < N; ++i)
      for (std::size_t j = i; j > 0 && byte(words_[j - 1]) > byte(words_[j]); --j) std::swap(words_[j - 1], words_[j]);
    std::size_t at = 0;
    for (std::size_t b = 0; b <= 256; ++b) {
      while (at < N && byte(words_[at]) < b) ++at;
      first_byte_start_[b] = static_cast<std::uint8_t>(at);
    }
  }

  constexpr bool contains(std::string_view word) const { return shapes_.may_hold(word) && holds(word); }

 private:
  static constexpr std::size_t byte(std::string_view word) { return static_cast<unsigned char>(word.front()); }

  // `word` is not empty.
  constexpr bool holds(std::string_view word) const {
    const std::size_t b = byte(word);
    for (std::size_t i = first_byte_start_[b]; i < first_byte_start_[b + 1]; ++i)
      if (words_[i] == word) return true;
    return false;
  }

  std::array<std::string_view, N> words_;  // in order of first byte
  // The entries with first byte b: words_[first_byte_start_[b], first_byte_start_[b + 1]).
  std::array<std::uint8_t, 257> first_byte_start_{};
  WordShapeFilter shapes_;
};

}  // namespace newsdedup
