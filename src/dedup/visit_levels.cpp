#include "dedup/visit_levels.h"

#include <algorithm>

namespace newsdedup {

std::vector<std::uint32_t> visit_levels(std::span<const WindowDocument> window, std::span<const std::uint32_t> candidates) {
  std::vector<std::uint32_t> level(window.size(), 0);
  if (window.empty()) return level;
  // By rank from the window's first: one more than the document's level, 0 for ranks without
  // candidates (and for those not reached yet, which cannot be candidates: they come later).
  const std::uint32_t first = window.front().rank;
  std::vector<std::uint32_t> above(window.back().rank - first + 1, 0);
  for (std::size_t k = 0; k < window.size(); ++k) {
    std::uint32_t l = 0;
    for (std::uint32_t p = window[k].begin; p < window[k].end; ++p)
      if (candidates[p] >= first) l = std::max(l, above[candidates[p] - first]);
    level[k] = l;
    above[window[k].rank - first] = l + 1;
  }
  return level;
}

}  // namespace newsdedup
