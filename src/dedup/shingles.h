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
// same figures, while templated reports (earnings, prices) differ mostly in them. `bins` are the
// hashes' MinHash bins (dedup/minhash.h), filled as each shingle is hashed rather than in a pass
// over the hashes afterwards: densify() them for the signature.
//
// The shingle hashes are 64-bit because MinHash (dedup/minhash.h) needs them whole, but
// verification compares only their top 32 bits (shingle_keys()), and the figures are hashed
// straight to 32 bits, since they are only ever compared: the sketches a run writes, reads
// back and compares are half the bytes. Two different shingles (or figures) of a compared
// pair agree in their top 32 bits with probability about (|A| + |B|)^2 / 2^33 (5e-4 for two
// stories of 1,000 shingles), and such an agreement moves the pair's similarity by one
// shingle in a thousand.
// Thread-safe: each thread keeps its own work buffers (thread_local), as large as the largest
// text it has been given.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dedup/minhash.h"
#include "io/default_init_allocator.h"

namespace newsdedup {

inline constexpr std::size_t kShingleWords = 5;

// Shingle hashes and keys, not zeroed when resized: shingle_body() and shingle_keys() write
// every element they add.
using ShingleHashes = std::vector<std::uint64_t, DefaultInitAllocator<std::uint64_t>>;
using ShingleKeys = std::vector<std::uint32_t, DefaultInitAllocator<std::uint32_t>>;

struct ShingleSet {
  ShingleHashes hashes;                // sorted, distinct
  MinHashBins bins;                    // of `hashes`; densified in place by whoever needs the signature
  std::vector<std::uint32_t> numbers;  // hashes of the figures in the text ("2,877,000", "11.1"), sorted, distinct
  std::uint64_t exact_hash = 0;
  std::uint32_t word_count = 0;
};

ShingleSet shingle_body(std::string_view body);
// The same into `set`, reusing its vectors' buffers.
void shingle_body(std::string_view body, ShingleSet& set);

// What the sketches store and verification compares of each shingle: the top 32 bits of each
// of `hashes` (sorted ascending, as in ShingleSet), ascending and distinct. The top halves of a
// sorted list are already in order, so only the rare equal neighbours are dropped: no sort.
std::vector<std::uint32_t> shingle_keys(std::span<const std::uint64_t> hashes);
// The same into `keys` (replaced), reusing its buffer.
void shingle_keys(std::span<const std::uint64_t> hashes, ShingleKeys& keys);

}  // namespace newsdedup
