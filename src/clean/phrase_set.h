// PhraseSet: finds whether any of a fixed set of word sequences occurs in a line.
//
// Phrases are lower-case words separated by single spaces ("follow us", "privacy policy");
// they match whole words of a LineShape, so "subscribe" does not match "subscribed". Most words
// are turned away by their first byte and length; the rest are compared with the few first
// words of phrases that share their first byte (a hash lookup cost several times more).
// A set may hold several groups of phrases (up to 32): groups_in() says which of them occur in
// one pass over the line, where a set per group would take a pass each.
// Immutable after construction; thread-safe to use.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

class PhraseSet {
 public:
  // One group of phrases.
  PhraseSet(std::initializer_list<std::string_view> phrases);
  // Groups numbered 0, 1, ... in the order given. (A named function, not a constructor: a
  // braced pair of strings would also read as a string_view's pair of iterators.)
  static PhraseSet from_groups(std::initializer_list<std::initializer_list<std::string_view>> groups);

  // Whether a phrase of any group occurs in the line.
  bool matches(const LineShape& line) const;
  // Bit g is set when a phrase of group g occurs in the line.
  std::uint32_t groups_in(const LineShape& line) const;

 private:
  PhraseSet() = default;

  struct Phrase {
    std::vector<std::string_view> words;
    std::uint32_t group_bit;
  };

  struct FirstWord {
    std::string_view word;
    std::vector<Phrase> phrases;  // every phrase that starts with `word`
  };

  void add(std::string_view phrase, std::uint32_t group_bit);
  // Orders first_words_ by first byte and fills first_byte_start_; after the last add().
  void index();
  // False for most words: no first word of a phrase has this one's first byte and length, or
  // its first and last bytes (the last by its low six bits: common words like "the" or "and" pass
  // the first test).
  bool may_start_phrase(std::string_view word) const {
    if (word.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(word.front());
    return (first_word_lengths_[first] & length_bit(word)) != 0 && (first_word_last_bytes_[first] & last_byte_bit(word)) != 0;
  }
  static std::uint32_t length_bit(std::string_view word) { return 1u << std::min<std::size_t>(word.size(), 31); }
  static std::uint64_t last_byte_bit(std::string_view word) {
    return std::uint64_t{1} << (static_cast<unsigned char>(word.back()) & 63);
  }
  // The phrases whose first word is `words[i]` (which may start one) and that occur from there,
  // as group bits.
  std::uint32_t groups_at(const std::vector<std::string_view>& words, std::size_t i) const;

  std::vector<FirstWord> first_words_;
  // The first words that start with byte b: first_words_[first_byte_start_[b], first_byte_start_[b + 1]).
  std::array<std::uint32_t, 257> first_byte_start_{};
  // For each first byte, the lengths (bit n: length n, bit 31: 31 or more) of first words.
  std::array<std::uint32_t, 256> first_word_lengths_{};
  // For each first byte, the last bytes (bit: the byte's low six bits) of first words.
  std::array<std::uint64_t, 256> first_word_last_bytes_{};
};

}  // namespace newsdedup
