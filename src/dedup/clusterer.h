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
#include <span>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "dedup/similarity.h"

namespace newsdedup {

struct ClusterInput {
  ShingleView shingles;
  std::uint64_t body_bytes = 0;
  std::uint64_t ordinal = 0;
};

struct ClusterAssignment {
  std::uint32_t representative = 0;  // index into the inputs; itself for a representative
  Similarity similarity;             // to the representative (meaningless for a representative)
};

struct ClusterStats {
  std::uint64_t verifications = 0;
};

std::vector<ClusterAssignment> cluster_documents(std::span<const ClusterInput> inputs, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, ClusterStats* stats = nullptr);

}  // namespace newsdedup
