// Similarity: the exact comparison of two shingle sets that verifies every candidate pair.
//
// Jaccard (overlap / union) measures how alike two copies are; containment (overlap / size of
// the smaller set) stays high for a truncated reprint, whose shingles are a subset of the
// full story's. DuplicateRule turns the two into a decision. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <span>

namespace newsdedup {

struct Similarity {
  double jaccard = 0;
  double containment = 0;
  std::uint32_t shared = 0;
};

// Both spans sorted ascending and distinct.
Similarity compare_shingles(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

struct DuplicateRule {
  double threshold = 0.5;           // minimum Jaccard for two copies of similar length
  double min_containment = 0.8;     // minimum containment for a truncated or extended copy
  std::uint32_t min_shared = 8;     // containment alone needs at least this many shared shingles

  bool is_duplicate(const Similarity& s) const {
    return s.jaccard >= threshold || (s.containment >= min_containment && s.shared >= min_shared);
  }
};

}  // namespace newsdedup
