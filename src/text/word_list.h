// WordList: a fixed list of words, tested for whether it holds a given word.
//
// The furniture rules test nearly every line against such lists, rarely with a match. The list's
// (first byte, length) pairs (WordShapeFilter), built at compile time, turn most words away
// before the list is read; the rest are compared with each entry. Value type; immutable.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

#include "text/word_shape_filter.h"

namespace newsdedup {

template <std::size_t N>
class WordList {
 public:
  // Every entry is non-empty.
  constexpr explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
    for (std::string_view word : words) shapes_.add(word);
  }

  constexpr bool contains(std::string_view word) const {
    return shapes_.may_hold(word) &&
           std::any_of(words_.begin(), words_.end(), [&](std::string_view entry) { return entry == word; });
  }

 private:
  std::array<std::string_view, N> words_;
  WordShapeFilter shapes_;
};

}  // namespace newsdedup
