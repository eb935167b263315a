// Clusterer: turns verified candidate pairs into clusters that cannot chain.
//
// Documents are visited from the most complete copy down (longest cleaned body first, ties
// by input order). A visited document looks at the representatives of its already-visited
// candidates, verifies itself against each, and joins the one it matches best; if none
// matches it becomes a representative itself. So a member is always verified similar to its
// cluster's representative — never only to another member — and the representative is the
// longest copy. The result depends only on the input.
//
// VisitOrderClusterer does the work with the candidate pairs streamed in visit order, so no
// candidate graph has to be held in memory: documents are named by their visit rank (0 is
// visited first), and each pair (later, earlier) arrives sorted by later, then earlier.
//
// The verifications run in parallel (oneTBB) with the same result as one after another: a
// document's decision depends only on its candidates' representatives, so pairs are buffered
// in windows, and within a window the documents are visited level by level
// (dedup/visit_levels.h); the documents of one level are verified in parallel.
#pragma once

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "dedup/similarity.h"
#include "dedup/visit_levels.h"

namespace newsdedup {

// Where a document's shingles can be read from: load(index, buffer) fills the buffer when
// the shingles live elsewhere (on disk) and returns a view that stays valid until the next
// call with the same buffer. Called from several threads at once, each with its own buffers.
struct ShingleBuffer {
  std::vector<std::uint32_t> shingles;
  std::vector<std::uint32_t> numbers;
};
using ShingleLoader = std::function<ShingleView(std::uint32_t index, ShingleBuffer& buffer)>;

struct ClusterAssignment {
  std::uint32_t representative = 0;  // index of the representative; itself for a representative
  float jaccard = 0;                  // evidence against the representative (0 for a representative)
  float containment = 0;
};

// Clusters documents 0..n-1 named by visit rank. load(rank, buffer) reads a document's
// shingles. Memory: the assignments, and a window of up to `window_pairs` buffered pairs
// (about 16 bytes each). Not thread-safe (the parallelism is inside).
class VisitOrderClusterer {
 public:
  static constexpr std::size_t kWindowPairs = 1 << 16;

  VisitOrderClusterer(std::uint32_t documents, const DuplicateRule& rule, ShingleLoader load,
                      std::size_t window_pairs = kWindowPairs);
  // A candidate pair: `earlier` < `later`, pairs ascending by (later, earlier); repeats are
  // allowed. Throws std::invalid_argument when out of order.
  void add(std::uint32_t later, std::uint32_t earlier);
  // Visits the documents not visited yet; returns each rank's assignment (representatives
  // named by rank too).
  std::vector<ClusterAssignment> finish();
  std::uint64_t verifications() const { return verifications_; }

 private:
  void visit_window();  // decides every document with buffered pairs
  // Decides `document`; returns how many verifications that took.
  std::uint32_t visit(const WindowDocument& document, ShingleBuffer& document_buffer, ShingleBuffer& representative_buffer,
                      std::vector<std::uint32_t>& reps);

  // Each thread's buffers for visit().
  struct Scratch {
    ShingleBuffer document;
    ShingleBuffer representative;
    std::vector<std::uint32_t> reps;
  };

  std::uint32_t documents_;
  DuplicateRule rule_;
  ShingleLoader load_;
  std::size_t window_pairs_;
  std::uint32_t visited_ = 0;                  // documents before it are decided
  std::vector<ClusterAssignment> assignment_;  // a document without candidates represents itself
  std::vector<std::uint32_t> pairs_;           // the window's earlier candidates, by document
  std::vector<WindowDocument> pending_;        // the window's documents, ascending (candidates in pairs_)
  std::uint32_t last_earlier_ = 0;             // of the last pair added
  std::uint64_t verifications_ = 0;
  tbb::enumerable_thread_specific<Scratch> scratch_;
};

}  // namespace newsdedup
