// ClusterStage: verifies the candidate pairs and assigns every document to a cluster.
//
// The candidate pairs are streamed, in visit order, into a VisitOrderClusterer
// (dedup/clusterer.h), which reads the shingles it compares from the sketches; exact copies
// then follow their leader. The result, one Outcome per document in input order, is kept in
// memory (16 bytes per document) for the write stage, or saved as
//   assignments.bin  magic "NDD-ASGN", version 1, one 16-byte record per document in input
//                    order: u32 representative (a document; itself when kept or never
//                    compared), f32 Jaccard similarity and f32 containment against it (0 for
//                    a representative), u8 1 when an exact copy of it, 3 zero bytes
// cluster_candidates() reads candidates.bin as sorted for `visit`; with `resort` (after the
// cross-corpus pass changed body lengths, hence the visit order) it sorts the pairs again
// within the memory budget, leaving out those of documents no longer in the visit order.
// Memory: the VisitOrder, 12 bytes per leader for the clusterer and its window of pairs (about
// 1 MiB), 16 per document for the outcomes. Not thread-safe (the clusterer verifies in parallel
// inside).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "dedup/similarity.h"
#include "pipeline/candidate_stage.h"
#include "pipeline/document_table.h"
#include "pipeline/run_summary.h"
#include "pipeline/sketch_store.h"

namespace newsdedup {

// How a document ends up: its cluster's representative (a document index) and evidence.
struct Outcome {
  std::uint32_t representative = 0;
  float jaccard = 0;
  float containment = 0;
  std::uint8_t exact = 0;  // 1: the same words as the representative
  std::uint8_t zero[3] = {0, 0, 0};
};
inline constexpr FileFormat kAssignmentsFormat{"NDD-ASGN", 1, sizeof(Outcome)};
static_assert(sizeof(Outcome) == 16);

struct ClusterInputs {
  const DocumentTable& table;
  const std::vector<std::uint32_t>& leader;  // exact_leaders()
  const VisitOrder& visit;
  const SketchReader& sketches;
};

std::vector<Outcome> cluster_candidates(const ClusterInputs& inputs, FormatReader& candidates, bool resort,
                                        std::uint64_t memory_bytes, const DuplicateRule& rule,
                                        RunSummary& summary);

void save_assignments(const std::vector<Outcome>& outcomes, const std::filesystem::path& path, bool overwrite);
// Checks that there is one per document and that every representative is a document.
std::vector<Outcome> load_assignments(const std::filesystem::path& path, std::size_t documents);

}  // namespace newsdedup
