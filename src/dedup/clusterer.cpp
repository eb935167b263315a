#include "dedup/clusterer.h"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <utility>

namespace newsdedup {

VisitOrderClusterer::VisitOrderClusterer(std::uint32_t documents, const DuplicateRule& rule, ShingleLoader load,
                                         std::size_t window_pairs)
    : documents_(documents),
      rule_(rule),
      load_(std::move(load)),
      window_pairs_(std::max<std::size_t>(window_pairs, 1)),
      assignment_(documents) {
  for (std::uint32_t d = 0; d < documents; ++d) assignment_[d].representative = d;
}

void VisitOrderClusterer::add(std::uint32_t later, std::uint32_t earlier) {
  const bool same_document = !pending_.empty() && pending_.back().rank == later;
  const std::uint32_t next = pending_.empty() ? visited_ : pending_.back().rank + (same_document ? 0 : 1);
  if (earlier >= later || later >= documents_ || later < next || (same_document && earlier < last_earlier_))
    throw std::invalid_argument("candidate pairs out of visit order");
  if (!same_document) {
    // Every document before `later` has all its pairs: a full window can be visited.
    if (pairs_.size() >= window_pairs_) visit_window();
    pending_.push_back({later, static_cast<std::uint32_t>(pairs_.size()), static_cast<std::uint32_t>(pairs_.size())});
  }
  last_earlier_ = earlier;
  pairs_.push_back(earlier);
  ++pending_.back().end;
}

std::vector<ClusterAssignment> VisitOrderClusterer::finish() {
  visit_window();
  return std::move(assignment_);
}

void VisitOrderClusterer::visit_window() {
  if (pending_.empty()) return;
  const std::vector<std::uint32_t> level = visit_levels(pending_, pairs_);
  const std::uint32_t levels = level.empty() ? 0 : *std::max_element(level.begin(), level.end()) + 1;
  // The window's documents grouped by level, each level in visit order.
  std::vector<std::uint32_t> start(levels + 1, 0);
  for (std::uint32_t l : level) ++start[l + 1];
  for (std::uint32_t l = 0; l < levels; ++l) start[l + 1] += start[l];
  std::vector<std::uint32_t> by_level(pending_.size());
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::uint32_t k = 0; k < pending_.size(); ++k) by_level[fill[level[k]]++] = k;

  std::atomic<std::uint64_t> verifications{0};
  for (std::uint32_t l = 0; l < levels; ++l) {
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(start[l], start[l + 1]),
                      [&](const tbb::blocked_range<std::uint32_t>& range) {
                        Scratch& scratch = scratch_.local();
                        std::uint64_t done = 0;
                        for (std::uint32_t i = range.begin(); i != range.end(); ++i)
                          done += visit(pending_[by_level[i]], scratch.document, scratch.representative, scratch.reps);
                        verifications += done;
                      });
  }
  verifications_ += verifications;
  visited_ = pending_.back().rank + 1;
  pairs_.clear();
  pending_.clear();
}

std::uint32_t VisitOrderClusterer::visit(const WindowDocument& document, ShingleBuffer& document_buffer,
                                         ShingleBuffer& representative_buffer, std::vector<std::uint32_t>& reps) {
  const std::uint32_t d = document.rank;
  reps.clear();
  for (std::uint32_t p = document.begin; p < document.end; ++p)
    reps.push_back(assignment_[pairs_[p]].representative);  // decided already: a lower level
  // Representatives are ranks, so sorting them orders them by visit, as tie-breaks expect.
  std::sort(reps.begin(), reps.end());
  reps.erase(std::unique(reps.begin(), reps.end()), reps.end());
  ClusterAssignment best{d, 0, 0};
  Similarity best_similarity;
  const ShingleView shingles = load_(d, document_buffer);
  for (std::uint32_t r : reps) {
    const Similarity s = compare_shingles(shingles, load_(r, representative_buffer));
    if (!rule_.is_duplicate(s)) continue;
    const bool better = best.representative == d || s.containment > best_similarity.containment ||
                        (s.containment == best_similarity.containment && s.jaccard > best_similarity.jaccard);
    if (better) {
      best_similarity = s;
      best = {r, static_cast<float>(s.jaccard), static_cast<float>(s.containment)};
    }
  }
  assignment_[d] = best;
  return static_cast<std::uint32_t>(reps.size());
}

}  // namespace newsdedup
