// PrefixList: a fixed list of prefixes, tested for whether a text starts with any of them.
//
// The furniture rules test nearly every line against such lists ("reporting by", "photo:",
// "related to "), rarely with a match. Every prefix is at least two bytes long, and the list
// keeps, per first byte, a bit for each second byte its prefixes have (the low five bits of it,
// which tell the lower-case letters apart): one table load turns most texts away before any
// prefix is compared. Built at compile time; a value type, immutable, thread-safe to read.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace newsdedup {

template <std::size_t N>
class PrefixList {
 public:
  // Every prefix has two bytes or more (a shorter one fails the build of a constexpr list).
  constexpr explicit PrefixList(const std::array<std::string_view, N>& prefixes) : prefixes_(prefixes) {
    for (std::string_view prefix : prefixes) {
      if (prefix.size() < 2) throw std::invalid_argument("PrefixList: a prefix of fewer than two bytes");
      second_bytes_[byte(prefix[0])] |= bit(prefix[1]);
    }
  }

  // Whether `text` starts with one of the prefixes.
  constexpr bool starts(std::string_view text) const {
    return text.size() >= 2 && (second_bytes_[byte(text[0])] & bit(text[1])) != 0 && any_starts(text);
  }

 private:
  // The few texts that pass the table: the prefixes' first two bytes turn most entries away
  // before a call to memcmp.
  constexpr bool any_starts(std::string_view text) const {
    return std::any_of(prefixes_.begin(), prefixes_.end(), [&](std::string_view prefix) {
      return prefix[0] == text[0] && prefix[1] == text[1] && text.starts_with(prefix);
    });
  }
  static constexpr std::size_t byte(char c) { return static_cast<unsigned char>(c); }
  static constexpr std::uint32_t bit(char c) { return std::uint32_t{1} << (byte(c) & 31); }

  std::array<std::string_view, N> prefixes_;
  std::array<std::uint32_t, 256> second_bytes_{};  // bit (b & 31): a prefix has second byte b
};

}  // namespace newsdedup
