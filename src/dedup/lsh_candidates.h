// LSH candidates: pairs of documents whose MinHash signatures agree on a whole band.
//
// The signature is cut into `bands` bands of `rows` values; two documents become candidates
// when any band matches, which happens with probability 1 - (1 - J^rows)^bands for Jaccard J.
// With the defaults (64 bands x 2 rows) that is 0.93 at J = 0.2, 0.998 at J = 0.3 and
// 0.9999 at J = 0.4: truncated reprints (J near containment x length ratio) are found, and
// every candidate is verified exactly afterwards. A bucket larger than `max_bucket` (a very
// common passage) links each member only to its `max_bucket` nearest members in input order.
// Bands are hashed in parallel; the result is sorted, so it does not depend on scheduling.
//
// For corpora larger than memory the same work comes in pieces: band_keys() gives each
// document's keys as it is sketched, the caller sorts all keys (externally if need be), and
// a CandidateCollector turns each group of equal keys (a bucket) into pairs and, at the end,
// into the graph. find_candidates() does all of it in memory.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "dedup/minhash.h"

namespace newsdedup {

struct LshParameters {
  std::size_t bands = 64;
  std::size_t rows = 2;
  std::size_t max_bucket = 256;
};

// Adjacency lists in compressed form: the neighbours of i are neighbors[offsets[i] .. offsets[i+1]).
struct CandidateGraph {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> neighbors;
  std::uint64_t pair_count = 0;
  std::uint64_t oversized_buckets = 0;

  std::span<const std::uint32_t> neighbors_of(std::size_t i) const {
    return {neighbors.data() + offsets[i], neighbors.data() + offsets[i + 1]};
  }
};

// A document's key in one band; sorting keys brings each band's buckets together. The key is
// 32 bits: two documents whose band rows differ share it with probability 2^-32, which only adds
// a pair to verify (about n^2 / 2^33 pairs per band for n documents: 12,000 of 61 million
// candidates at 10 million). In band_keys.bin a key is these 12 bytes; a sorter holds it as the
// 8-byte packed() word within its band's partition, a third less to sort, merge and spill.
struct BandKey {
  std::uint32_t key = 0;
  std::uint32_t band = 0;
  std::uint32_t doc = 0;
  bool same_bucket(const BandKey& other) const { return key == other.key && band == other.band; }
  // Band first: a sorter can then sort each band on its own (see ExternalSorter).
  bool operator<(const BandKey& other) const {
    if (band != other.band) return band < other.band;
    if (key != other.key) return key < other.key;
    return doc < other.doc;
  }
  std::size_t sort_partition() const { return band; }
  std::uint64_t sort_hash() const { return std::uint64_t{key} << 32; }  // the radix sort reads the top bits
  // Within its band a key is held as one word, (key << 32 | doc), which orders as operator<
  // does there: a sorter buffers, sorts and spills 8 bytes a key instead of 12 (the band is the
  // partition it lies in; see ExternalSorter).
  std::uint64_t packed() const { return std::uint64_t{key} << 32 | doc; }
  static BandKey unpacked(std::size_t band, std::uint64_t packed) {
    return {packed_key(packed), static_cast<std::uint32_t>(band), packed_doc(packed)};
  }
  static std::uint32_t packed_key(std::uint64_t packed) { return static_cast<std::uint32_t>(packed >> 32); }
  static std::uint32_t packed_doc(std::uint64_t packed) { return static_cast<std::uint32_t>(packed); }
};

// Throws std::invalid_argument when the parameters do not fit the signature.
void check_parameters(const LshParameters& parameters);

// Appends the `parameters.bands` keys of one document's signature to `out`.
void append_band_keys(const Signature& signature, std::uint32_t doc, const LshParameters& parameters,
                      std::vector<BandKey>& out);

// Calls pair(a, b) for the pairs one bucket yields, a before b in `docs` (ascending, distinct):
// every pair, or for a bucket over `max_bucket` each member with its `max_bucket` next
// members. Returns whether the bucket was oversized.
// Whether a bucket of `size` documents is oversized: paired each with its next members only.
constexpr bool is_oversized_bucket(std::size_t size, std::size_t max_bucket) { return size > max_bucket; }

template <typename Pair>
bool for_each_bucket_pair(std::span<const std::uint32_t> docs, std::size_t max_bucket, Pair&& pair) {
  const std::size_t n = docs.size();
  const bool oversized = is_oversized_bucket(n, max_bucket);
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t last = oversized ? std::min(n, a + 1 + max_bucket) : n;
    for (std::size_t b = a + 1; b < last; ++b) pair(docs[a], docs[b]);
  }
  return oversized;
}

// Collects candidate pairs bucket by bucket, in memory. Not thread-safe.
class CandidateCollector {
 public:
  CandidateCollector(std::size_t documents, const LshParameters& parameters);
  // `docs`: the documents of one bucket, ascending and distinct, each below `documents`.
  void add_bucket(std::span<const std::uint32_t> docs);
  CandidateGraph finish();

 private:
  void compact();

  std::size_t documents_;
  std::size_t max_bucket_;
  std::vector<std::uint64_t> pairs_;  // (smaller << 32 | larger), duplicates until compact()
  std::size_t compacted_size_ = 0;
  std::uint64_t oversized_ = 0;
};

CandidateGraph find_candidates(std::span<const Signature> signatures, const LshParameters& parameters);

}  // namespace newsdedup
