// PhraseSet: finds whether any of a fixed set of word sequences occurs in a line.
//
// Phrases are lower-case words separated by single spaces ("follow us", "privacy policy");
// they match whole words of a LineShape, so "subscribe" does not match "subscribed". Matching
// costs at most one hash lookup per word of the line, however many phrases the set holds; most
// words are turned away before it by their first byte and length.
// Immutable after construction; thread-safe to use.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases);
  bool matches(const LineShape& line) const;

 private:
  // Every phrase, as its words, filed under its first word.
  std::unordered_map<std::string_view, std::vector<std::vector<std::string_view>>> by_first_word_;
  // For each first byte, the lengths (bit n: length n, bit 31: 31 or more) of first words.
  std::array<std::uint32_t, 256> first_word_lengths_{};
};

}  // namespace newsdedup
