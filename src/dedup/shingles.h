// Shingles: the set of word k-grams that de-duplication compares documents by.
//
// shingle_body() takes a cleaned body, drops editorial notes (a paragraph wholly in
// parentheses: "(Updates with details in paragraph 5)") and a leading wire dateline ("MOSCOW
// (Reuters) -", "Reuters, Moscow :", "NEW YORK, March 3 -"), both of which vary between copies
// of one story, turns the rest into canonical word hashes
// (text/word_tokens.h) and returns the sorted, distinct hashes of every run of kShingleWords
// consecutive words (one shingle of all words when there are fewer). `exact_hash` hashes the
// whole canonical word sequence, dateline included: equal hashes mean exact duplicates.
// `numbers` are the figures of the same text: copies of one story carry the
// same figures, while templated reports (earnings, prices) differ mostly in them.
// Thread-safe: each thread keeps its own work buffers (thread_local), as large as the largest
// text it has been given.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdedup {

inline constexpr std::size_t kShingleWords = 5;

struct ShingleSet {
  std::vector<std::uint64_t> hashes;   // sorted, distinct
  std::vector<std::uint64_t> numbers;  // hashes of the figures in the text ("2,877,000", "11.1"), sorted, distinct
  std::uint64_t exact_hash = 0;
  std::uint32_t word_count = 0;
};

ShingleSet shingle_body(std::string_view body);

}  // namespace newsdedup
