// LineShape: the surface features of one line or paragraph that the cleaning rules look at.
//
// Computed once per paragraph by describe(); `lower` is an ASCII-lowercased copy of the text
// (non-ASCII bytes are kept) in a buffer the shape owns, and `words` index into it; `word_hashes`
// holds each word's word_hash() (text/word_hash.h), by which the stop-word count, the phrase sets
// and the repetition search look words up. `words` and `word_hashes` view arrays the shape owns
// too, which only grow: describing a line into a shape used before writes them without first
// filling them with zeros. A right single quote between letters
// (U+2019, the typographic apostrophe of "don’t") stays inside its word, like "'".
// describe_light() makes a lesser shape, for a line whose words no rule will read.
// Value type (a copy re-points `lower`, `words` and `word_hashes` at its own buffers; a move keeps
// the buffers, so its views stay valid); thread-safe to read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdedup {

struct LineShape {
  LineShape() = default;
  LineShape(const LineShape& other);
  LineShape(LineShape&& other) noexcept = default;
  LineShape& operator=(const LineShape& other);
  LineShape& operator=(LineShape&& other) noexcept = default;
  ~LineShape() = default;

  // 64 zero bytes follow `lower` in its buffer (describe() reads the buffer in blocks of 64 bytes),
  // so that past any word lie the kWordHashPadding bytes that padded word functions read.
  std::string_view lower;
  std::span<const std::string_view> words;  // maximal runs of letters, digits and apostrophes, in `lower`
  std::span<const std::uint64_t> word_hashes;  // word_hash() of each word
  // True only when no word can need folding for the stop-word lists (set by the 64-byte path when
  // the line holds no apostrophe; every word is ASCII there); false is always safe.
  bool plain_words = false;
  std::size_t capitalized_words = 0;    // words whose first letter is upper case in the original
  std::size_t alphabetic_words = 0;     // words that start with a letter
  std::size_t digit_words = 0;          // words that start with a digit
  bool ends_with_sentence_punctuation = false;  // . ! ? … 。 ！ ？ or a closing quote after one
  bool starts_upper = false;
  // Length in characters, where a Han, kana or fullwidth character counts 3 and a Hangul one 2:
  // about what each carries compared with a Latin letter, so length thresholds fit every script.
  std::size_t weighted_length = 0;

  std::size_t word_count() const { return word_count_; }  // words.size(), but in a light shape
  bool starts_with(std::string_view prefix) const { return lower.starts_with(prefix); }
  bool contains(std::string_view needle) const { return lower.find(needle) != std::string::npos; }

  // Bytes of text that `lower`'s buffer holds without allocating (a shape described again reuses
  // its buffers), and their release, for callers that keep shapes from line to line.
  std::size_t buffer_capacity() const;
  void release_buffers();

 private:
  friend void describe(std::string_view text, LineShape& shape);
  friend void describe_light(std::string_view text, std::size_t word_count, LineShape& shape);

  std::size_t word_count_ = 0;  // words.size() (describe), or the count describe_light() was given
  std::vector<char> lower_buffer_;  // `lower`, then at least 64 zero bytes
  std::vector<std::string_view> word_buffer_;  // `words`, then words of longer lines before
  std::vector<std::uint64_t> hash_buffer_;     // `word_hashes`, likewise
  // Where describe() notes each word's edges before making the words: scratch, not copied.
  std::vector<std::uint32_t> edge_buffer_;
};

// Thread-safe (each call writes only the shape it is given).
LineShape describe(std::string_view text);
// The same into `shape`, whose buffers it reuses: describing many lines through one LineShape
// allocates only when a line is longer than any before.
void describe(std::string_view text, LineShape& shape);
// A light shape of `text`, for a caller that knows its word count (describe(text).word_count())
// and will read none of its words: `lower`, word_count(), ends_with_sentence_punctuation,
// starts_upper and weighted_length as describe() sets them, but `words` and `word_hashes` are
// empty and the counts of words by first byte are 0. (The cleaner's shapes of paragraphs that the
// furniture memo knows as furniture: most of the cost of describe() is finding, hashing and
// counting the words.)
void describe_light(std::string_view text, std::size_t word_count, LineShape& shape);

}  // namespace newsdedup
