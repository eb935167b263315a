#include "dedup/clusterer.h"

#include <algorithm>
#include <numeric>

namespace newsdedup {

std::vector<ClusterAssignment> cluster_documents(std::span<const std::uint32_t> body_bytes, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, const ShingleLoader& load,
                                                 ClusterStats* stats) {
  const auto n = static_cast<std::uint32_t>(body_bytes.size());
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return body_bytes[a] > body_bytes[b]; });
  std::vector<std::uint32_t> rank(n);
  for (std::uint32_t r = 0; r < n; ++r) rank[order[r]] = r;

  std::vector<ClusterAssignment> assignment(n);
  std::vector<std::uint32_t> reps;
  ShingleBuffer document_buffer;
  ShingleBuffer representative_buffer;
  std::uint64_t verifications = 0;
  for (std::uint32_t d : order) {
    reps.clear();
    for (std::uint32_t c : graph.neighbors_of(d))
      if (rank[c] < rank[d]) reps.push_back(assignment[c].representative);  // visited already
    std::sort(reps.begin(), reps.end(), [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
    reps.erase(std::unique(reps.begin(), reps.end()), reps.end());
    ClusterAssignment best{d, 0, 0};
    Similarity best_similarity;
    if (!reps.empty()) {
      const ShingleView shingles = load(d, document_buffer);
      for (std::uint32_t r : reps) {
        const Similarity s = compare_shingles(shingles, load(r, representative_buffer));
        ++verifications;
        if (!rule.is_duplicate(s)) continue;
        const bool better = best.representative == d || s.containment > best_similarity.containment ||
                            (s.containment == best_similarity.containment && s.jaccard > best_similarity.jaccard);
        if (better) {
          best_similarity = s;
          best = {r, static_cast<float>(s.jaccard), static_cast<float>(s.containment)};
        }
      }
    }
    assignment[d] = best;
  }
  if (stats != nullptr) stats->verifications = verifications;
  return assignment;
}

std::vector<ClusterAssignment> cluster_documents(std::span<const ClusterInput> inputs, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, ClusterStats* stats) {
  std::vector<std::uint32_t> body_bytes;
  body_bytes.reserve(inputs.size());
  for (const ClusterInput& input : inputs) body_bytes.push_back(input.body_bytes);
  return cluster_documents(body_bytes, graph, rule,
                           [&](std::uint32_t index, ShingleBuffer&) { return inputs[index].shingles; }, stats);
}

}  // namespace newsdedup
