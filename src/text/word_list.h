// WordList: a fixed list of words, tested for whether it holds a given word.
//
// The furniture rules test nearly every line against such lists, rarely with a match. A table of
// the list's (first byte, length) pairs, built at compile time, turns most words away before
// the list is read; the rest are compared with each entry. Value type; immutable.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsdedup {

template <std::size_t N>
class WordList {
 public:
  // Every entry is non-empty.
  constexpr explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
    for (std::string_view word : words) lengths_[static_cast<unsigned char>(word.front())] |= length_bit(word);
  }

  constexpr bool contains(std::string_view word) const {
    if (word.empty() || (lengths_[static_cast<unsigned char>(word.front())] & length_bit(word)) == 0) return false;
    return std::any_of(words_.begin(), words_.end(), [&](std::string_view entry) { return entry == word; });
  }

 private:
  // Bit n: length n; bit 31: 31 or more.
  static constexpr std::uint32_t length_bit(std::string_view word) { return 1u << std::min<std::size_t>(word.size(), 31); }

  std::array<std::string_view, N> words_;
  std::array<std::uint32_t, 256> lengths_{};
};

}  // namespace newsdedup
