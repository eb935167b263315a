// LSH candidates: pairs of documents whose MinHash signatures agree on a whole band.
//
// The signature is cut into `bands` bands of `rows` values; two documents become candidates
// when any band matches, which happens with probability 1 - (1 - J^rows)^bands for Jaccard J.
// With the defaults (64 bands x 2 rows) that is 0.93 at J = 0.2, 0.998 at J = 0.3 and
// 0.9999 at J = 0.4: truncated reprints (J near containment x length ratio) are found, and
// every candidate is verified exactly afterwards. A bucket larger than `max_bucket` (a very
// common passage) links each member only to its `max_bucket` nearest members in input order.
// Bands are hashed in parallel; the result is sorted, so it does not depend on scheduling.
#pragma once

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

CandidateGraph find_candidates(std::span<const Signature> signatures, const LshParameters& parameters);

}  // namespace newsdedup
