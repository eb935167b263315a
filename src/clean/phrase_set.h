// PhraseSet: finds whether any of a fixed set of word sequences occurs in a line.
//
// Phrases are lower-case words separated by single spaces ("follow us", "privacy policy");
// they match whole words of a LineShape, so "subscribe" does not match "subscribed". Each phrase
// is looked up by its anchor, its longest word (the last of the longest): a long word is rarer
// than a short one, and a phrase's short words ("the app", "join us", "about us") are the
// commonest words of a line. Most words are turned away by one bit that their hash (the shape's
// word_hashes) picks in a filter of 4,096 set by the anchors; the rest are compared with the
// anchors that share their first byte, and the words around them with the phrases' other words,
// hash first (a string comparison only confirms a match).
// A set holds groups of phrases (up to 32): groups_in() says which of them occur in one pass over
// the line, where a set per group would take a pass each.
// Immutable after construction; thread-safe to use.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

class PhraseSet {
 public:
  // Groups numbered 0, 1, ... in the order given. (A named function, not a constructor: a
  // braced pair of strings would also read as a string_view's pair of iterators.)
  static PhraseSet from_groups(std::initializer_list<std::initializer_list<std::string_view>> groups);

  // Bit g is set when a phrase of group g occurs in the line.
  std::uint32_t groups_in(const LineShape& line) const;

 private:
  PhraseSet() = default;

  struct Phrase {
    std::vector<std::string_view> words;
    std::vector<std::uint64_t> word_hashes;  // word_hash() of each word
    std::size_t anchor;                      // the index of the anchor in `words`
    std::uint32_t group_bit;
  };

  struct AnchorWord {
    std::string_view word;
    std::uint64_t hash;           // word_hash(word)
    std::vector<Phrase> phrases;  // every phrase anchored by `word`
  };

  void add(std::string_view phrase, std::uint32_t group_bit);
  // Orders anchors_ by first byte and fills first_byte_start_; after the last add().
  void index();
  // False for most words: the filter's bit for the word's hash (word_hash) is set only for the
  // anchors, and for one word in about 4,096 / (number of anchors) by chance.
  bool may_anchor_phrase(std::uint64_t word_hash) const {
    return ((anchor_filter_[(word_hash >> 6) % anchor_filter_.size()] >> (word_hash & 63)) & 1) != 0;
  }
  // The phrases anchored by the line's word i (which may anchor one) that occur around it, as
  // group bits.
  std::uint32_t groups_at(const LineShape& line, std::size_t i) const;

  std::vector<AnchorWord> anchors_;
  // The anchors that start with byte b: anchors_[first_byte_start_[b], first_byte_start_[b + 1]).
  std::array<std::uint32_t, 257> first_byte_start_{};
  std::array<std::uint64_t, 64> anchor_filter_{};  // 4,096 bits, set by the anchors' hashes
};

}  // namespace newsdedup
