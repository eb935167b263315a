#include "dedup/similarity.h"

#include <algorithm>

namespace newsdedup {

Similarity compare_shingles(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  std::uint32_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  Similarity s;
  s.shared = shared;
  const std::size_t smaller = std::min(a.size(), b.size());
  const std::size_t union_size = a.size() + b.size() - shared;
  if (union_size > 0) s.jaccard = static_cast<double>(shared) / static_cast<double>(union_size);
  if (smaller > 0) s.containment = static_cast<double>(shared) / static_cast<double>(smaller);
  return s;
}

}  // namespace newsdedup
