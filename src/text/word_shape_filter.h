// WordShapeFilter: the (first byte, length) pairs of a set of words, so that most other words are
// turned away with one table load before the set itself is searched.
//
// Lengths from 31 bytes up share one bit. Built at compile time (WordList) or once at start
// (the stop-word table); a value type, immutable once built, thread-safe to read.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdedup {

class WordShapeFilter {
 public:
  // `word` must not be empty.
  constexpr void add(std::string_view word) { lengths_[first_byte(word)] |= length_bit(word); }

  // False when no word added has this one's first byte and length.
  constexpr bool may_hold(std::string_view word) const {
    return !word.empty() && (lengths_[first_byte(word)] & length_bit(word)) != 0;
  }

 private:
  static constexpr std::size_t first_byte(std::string_view word) { return static_cast<unsigned char>(word.front()); }
  // Bit n: length n; bit 31: 31 or more.
  static constexpr std::uint32_t length_bit(std::string_view word) { return 1u << std::min<std::size_t>(word.size(), 31); }

  std::array<std::uint32_t, 256> lengths_{};
};

}  // namespace newsdedup
