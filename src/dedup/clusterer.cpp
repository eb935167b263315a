#include "dedup/clusterer.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace newsdedup {

VisitOrderClusterer::VisitOrderClusterer(std::uint32_t documents, const DuplicateRule& rule, ShingleLoader load)
    : documents_(documents), rule_(rule), load_(std::move(load)), assignment_(documents) {}

void VisitOrderClusterer::add(std::uint32_t later, std::uint32_t earlier) {
  if (earlier >= later || later >= documents_ || later < next_ || (later == next_ && earlier < last_earlier_))
    throw std::invalid_argument("candidate pairs out of visit order");
  visit_until(later);
  last_earlier_ = earlier;
  reps_.push_back(assignment_[earlier].representative);  // visited already: earlier < later
}

void VisitOrderClusterer::visit_until(std::uint32_t rank) {
  while (next_ < rank) {
    visit(next_);
    reps_.clear();
    last_earlier_ = 0;
    ++next_;
  }
}

std::vector<ClusterAssignment> VisitOrderClusterer::finish() {
  visit_until(documents_);
  return std::move(assignment_);
}

void VisitOrderClusterer::visit(std::uint32_t d) {
  // Representatives are ranks, so sorting them orders them by visit, as tie-breaks expect.
  std::sort(reps_.begin(), reps_.end());
  reps_.erase(std::unique(reps_.begin(), reps_.end()), reps_.end());
  ClusterAssignment best{d, 0, 0};
  Similarity best_similarity;
  if (!reps_.empty()) {
    const ShingleView shingles = load_(d, document_buffer_);
    for (std::uint32_t r : reps_) {
      const Similarity s = compare_shingles(shingles, load_(r, representative_buffer_));
      ++verifications_;
      if (!rule_.is_duplicate(s)) continue;
      const bool better = best.representative == d || s.containment > best_similarity.containment ||
                          (s.containment == best_similarity.containment && s.jaccard > best_similarity.jaccard);
      if (better) {
        best_similarity = s;
        best = {r, static_cast<float>(s.jaccard), static_cast<float>(s.containment)};
      }
    }
  }
  assignment_[d] = best;
}

}  // namespace newsdedup
