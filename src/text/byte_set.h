// ByteSet: a set of byte values, tested with one table lookup.
//
// std::string_view::find_first_of calls memchr on the set for every byte of the text, which
// made a scan for a handful of separators one of the costliest parts of cleaning. A ByteSet is
// built at compile time from the bytes it holds and scans the text once. Value type; immutable.
#pragma once

#include <array>
#include <string_view>

namespace newsdedup {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) members_[static_cast<unsigned char>(c)] = true;
  }

  constexpr bool contains(char c) const { return members_[static_cast<unsigned char>(c)]; }

  // Whether any byte of `text` is in the set.
  constexpr bool any_in(std::string_view text) const {
    for (char c : text)
      if (contains(c)) return true;
    return false;
  }

 private:
  std::array<bool, 256> members_{};
};

}  // namespace newsdedup
