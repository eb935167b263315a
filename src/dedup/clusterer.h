// Clusterer: turns verified candidate pairs into clusters that cannot chain.
//
// Documents are visited from the most complete copy down (longest cleaned body first, ties
// by input order). A visited document looks at the representatives of its already-visited
// candidates, verifies itself against each, and joins the one it matches best; if none
// matches it becomes a representative itself. So a member is always verified similar to its
// cluster's representative — never only to another member — and the representative is the
// longest copy. Sequential by design (the result depends only on the input).
//
// VisitOrderClusterer does the work with the candidate pairs streamed in visit order, so no
// candidate graph has to be held in memory: documents are named by their visit rank (0 is
// visited first), and each pair (later, earlier) arrives sorted by later, then earlier.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

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

// Clusters documents 0..n-1 named by visit rank. load(rank, buffer) reads a document's
// shingles. Not thread-safe.
class VisitOrderClusterer {
 public:
  VisitOrderClusterer(std::uint32_t documents, const DuplicateRule& rule, ShingleLoader load);
  // A candidate pair: `earlier` < `later`, pairs ascending by (later, earlier); repeats are
  // allowed. Throws std::invalid_argument when out of order.
  void add(std::uint32_t later, std::uint32_t earlier);
  // Visits the documents not visited yet; returns each rank's assignment (representatives
  // named by rank too).
  std::vector<ClusterAssignment> finish();
  std::uint64_t verifications() const { return verifications_; }

 private:
  void visit_until(std::uint32_t rank);  // visits every document before `rank`
  void visit(std::uint32_t rank);

  std::uint32_t documents_;
  DuplicateRule rule_;
  ShingleLoader load_;
  std::vector<ClusterAssignment> assignment_;
  std::uint32_t next_ = 0;                    // the next document to visit
  std::vector<std::uint32_t> reps_;           // representatives of next_'s earlier candidates
  std::uint32_t last_earlier_ = 0;            // of the last pair added for next_
  ShingleBuffer document_buffer_;
  ShingleBuffer representative_buffer_;
  std::uint64_t verifications_ = 0;
};

}  // namespace newsdedup
