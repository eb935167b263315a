// Word tokens for de-duplication: the words of a cleaned body, in canonical form, as hashes.
//
// A word is a maximal run of letters and digits (any script). Canonical form folds what
// reprints change without changing the story: letter case, and the wire abbreviations that
// editors expand ("mln" -> "million", "pct" -> "percent", "dlrs" -> "dollars", ...).
// Punctuation, quotes (straight or curly) and line breaks never reach a token.
// Thread-safe: each thread keeps its own work buffers (thread_local), as large as the largest
// text it has been given.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdedup {

// Appends the 64-bit hash of each canonical word of `text` to `out`.
void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& out);

// The most words a text of `bytes` bytes holds: each but the last needs a separator after it.
constexpr std::size_t max_words(std::size_t bytes) { return (bytes + 1) / 2; }

// Writes the hashes append_word_hashes() appends to `out`, which has room for
// max_words(text.size()) of them, and returns how many it wrote: for a caller that keeps a
// buffer, without a capacity check per word.
std::size_t write_word_hashes(std::string_view text, std::uint64_t* out);

// write_word_hashes() of `text`, and in `words_before` how many of those words start before
// byte `split`, where no word crosses `split` (the byte before it is no letter or digit): the
// same as write_word_hashes() of text.substr(0, split) and then of text.substr(split), in one
// pass (shingle_body() cuts a body at its story's start, past a dateline, in each body).
// `digits` (room for text.size() / 64 + 1 words) gets the text's ASCII digits as bits (byte i:
// bit i % 64 of word i / 64, the bits past the text clear), for shingle_body()'s figures: the
// tokenizer's pass classifies each byte anyway.
std::size_t write_word_hashes(std::string_view text, std::size_t split, std::uint64_t* out, std::size_t& words_before,
                              std::uint64_t* digits);

// A word of a text: its canonical hash and where it stands in the text.
struct WordSpan {
  std::uint64_t hash = 0;
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
};

// The words of `text` with their positions (for showing passages; append_word_hashes is faster).
std::vector<WordSpan> word_spans(std::string_view text);

}  // namespace newsdedup
