// Clusterer: turns verified candidate pairs into clusters that cannot chain.
//
// Documents are visited from the most complete copy down (longest cleaned body first, ties
// by input order). A visited document looks at the representatives of its already-visited
// candidates, verifies itself against each, and joins the one it matches best; if none
// matches it becomes a representative itself. So a member is always verified similar to its
// cluster's representative — never only to another member — and the representative is the
// longest copy. Sequential by design (the result depends only on the input).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "dedup/similarity.h"

namespace newsdedup {

// Where a document's shingles can be read from: load(index, buffer) fills the buffer when
// the shingles live elsewhere (on disk) and returns a view that stays valid until the next
// call with the same buffer.
struct ShingleBuffer {
  std::vector<std::uint64_t> shingles;
  std::vector<std::uint64_t> numbers;
};
using ShingleLoader = std::function<ShingleView(std::uint32_t index, ShingleBuffer& buffer)>;

struct ClusterAssignment {
  std::uint32_t representative = 0;  // index of the representative; itself for a representative
  float jaccard = 0;                  // evidence against the representative (0 for a representative)
  float containment = 0;
};

struct ClusterStats {
  std::uint64_t verifications = 0;
};

// Documents are indexed 0..n-1 in input order; body_bytes[i] is the length of document i's
// cleaned body, and graph holds their candidate pairs.
std::vector<ClusterAssignment> cluster_documents(std::span<const std::uint32_t> body_bytes, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, const ShingleLoader& load,
                                                 ClusterStats* stats = nullptr);

// The same with every document's shingles in memory.
struct ClusterInput {
  ShingleView shingles;
  std::uint32_t body_bytes = 0;
};
std::vector<ClusterAssignment> cluster_documents(std::span<const ClusterInput> inputs, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, ClusterStats* stats = nullptr);

}  // namespace newsdedup
