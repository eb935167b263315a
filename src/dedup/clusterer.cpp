#include "dedup/clusterer.h"

#include <algorithm>
#include <numeric>

namespace newsdedup {

std::vector<ClusterAssignment> cluster_documents(std::span<const ClusterInput> inputs, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, ClusterStats* stats) {
  const std::size_t n = inputs.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (inputs[a].body_bytes != inputs[b].body_bytes) return inputs[a].body_bytes > inputs[b].body_bytes;
    return inputs[a].ordinal < inputs[b].ordinal;
  });
  std::vector<std::uint32_t> rank(n);
  for (std::uint32_t r = 0; r < n; ++r) rank[order[r]] = r;

  constexpr std::uint32_t kUnvisited = ~0u;
  std::vector<ClusterAssignment> assignment(n);
  std::vector<std::uint32_t> representative(n, kUnvisited);
  std::vector<std::uint32_t> reps;
  std::uint64_t verifications = 0;
  for (std::uint32_t d : order) {
    reps.clear();
    for (std::uint32_t c : graph.neighbors_of(d))
      if (representative[c] != kUnvisited) reps.push_back(representative[c]);
    std::sort(reps.begin(), reps.end(), [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
    reps.erase(std::unique(reps.begin(), reps.end()), reps.end());

    std::uint32_t best = d;
    Similarity best_similarity;
    for (std::uint32_t r : reps) {
      const Similarity s = compare_shingles(inputs[d].shingles, inputs[r].shingles);
      ++verifications;
      if (!rule.is_duplicate(s)) continue;
      const bool better = best == d || s.containment > best_similarity.containment ||
                          (s.containment == best_similarity.containment && s.jaccard > best_similarity.jaccard);
      if (better) {
        best = r;
        best_similarity = s;
      }
    }
    representative[d] = best;
    assignment[d] = {best, best_similarity};
  }
  if (stats != nullptr) stats->verifications = verifications;
  return assignment;
}

}  // namespace newsdedup
