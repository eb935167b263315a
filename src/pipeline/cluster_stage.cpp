#include "pipeline/cluster_stage.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "dedup/clusterer.h"
#include "pipeline/pair_sorter.h"

namespace newsdedup {
namespace {

// Calls `use` with each pair of `candidates` in file order: read a few hundred at a time, where
// a read per pair cost as much as the clusterer's add(). A record cut short at the end fails
// as read_record() fails.
template <typename Use>
void for_each_pair(FormatReader& candidates, Use&& use) {
  std::array<CandidatePair, 512> chunk;
  while (const auto whole = std::min<std::uint64_t>(chunk.size(), candidates.remaining() / sizeof(CandidatePair))) {
    candidates.read(chunk.data(), static_cast<std::size_t>(whole) * sizeof(CandidatePair));
    for (std::size_t k = 0; k < whole; ++k) use(chunk[k]);
  }
  CandidatePair cut;
  candidates.read_record(cut);  // false at the end; throws, naming the file, for a record cut short
}

// Feeds every pair of `candidates` to the clusterer in visit order.
void stream_pairs(FormatReader& candidates, const VisitOrder& visit, bool resort, std::uint64_t memory_bytes,
                  VisitOrderClusterer& clusterer) {
  const auto documents = visit.rank.size();
  constexpr const char* kNotClustered = "a pair names a document that is not clustered (from another work folder?)";
  // Whether both documents of a pair are in the visit order; a pair past the table is refused.
  auto ranked = [&](const CandidatePair& p) {
    if (p.doc >= documents || p.candidate >= documents) candidates.fail(kNotClustered);
    return visit.rank[p.doc] != kNoDocument && visit.rank[p.candidate] != kNoDocument;
  };
  try {
    if (!resort) {
      for_each_pair(candidates, [&](const CandidatePair& pair) {
        if (!ranked(pair)) candidates.fail(kNotClustered);
        if (visit.rank[pair.doc] < visit.rank[pair.candidate]) throw std::invalid_argument("a candidate visited later");
        clusterer.add(visit.rank[pair.doc], visit.rank[pair.candidate]);
      });
      return;
    }
    // The cross-corpus pass takes the documents it cleaned below the comparable minimum out of
    // the visit order; their pairs are dropped, not refused.
    PairSorter sorted(candidates.path().parent_path(), candidates.path().filename().string() + "-resorted", memory_bytes);
    for_each_pair(candidates, [&](const CandidatePair& pair) {
      if (ranked(pair)) sorted.add(visit.pack(pair.doc, pair.candidate));
    });
    sorted.merge([&](std::uint64_t packed) {
      clusterer.add(static_cast<std::uint32_t>(packed >> 32), static_cast<std::uint32_t>(packed));
    });
  } catch (const std::invalid_argument& e) {
    candidates.fail(std::string(e.what()) + " (sorted for other documents, or corrupt)");
  }
}

}  // namespace

std::vector<Outcome> cluster_candidates(const ClusterInputs& inputs, FormatReader& candidates, bool resort,
                                        std::uint64_t memory_bytes, const DuplicateRule& rule,
                                        RunSummary& summary) {
  const DocumentTable& table = inputs.table;
  const VisitOrder& visit = inputs.visit;
  const auto n = static_cast<std::uint32_t>(table.size());
  VisitOrderClusterer clusterer(static_cast<std::uint32_t>(visit.order.size()), rule,
                                [&](std::uint32_t rank, ShingleBuffer& buffer) {
                                  return inputs.sketches.read(table.sketch_offsets[visit.order[rank]], buffer);
                                });
  stream_pairs(candidates, visit, resort, memory_bytes, clusterer);
  const std::vector<ClusterAssignment> assignment = clusterer.finish();
  summary.verifications += clusterer.verifications();

  std::vector<Outcome> outcome(n);
  for (std::uint32_t i = 0; i < n; ++i) outcome[i].representative = i;
  for (std::uint32_t r = 0; r < assignment.size(); ++r)
    outcome[visit.order[r]] = {visit.order[assignment[r].representative], assignment[r].jaccard,
                               assignment[r].containment};
  const auto& leader = inputs.leader;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (leader[i] == kNoDocument || leader[i] == i) continue;
    const Outcome& lead = outcome[leader[i]];
    const bool copy_of_representative = lead.representative == leader[i];
    outcome[i] = copy_of_representative ? Outcome{lead.representative, 1, 1, 1} : lead;
  }
  return outcome;
}

void save_assignments(const std::vector<Outcome>& outcomes, const std::filesystem::path& path, bool overwrite) {
  FormatWriter file(path, kAssignmentsFormat, FormatWriter::Kind::kPersistent, overwrite);
  for (const Outcome& outcome : outcomes) file.write_record(outcome);
  file.finish();
}

std::vector<Outcome> load_assignments(const std::filesystem::path& path, std::size_t documents) {
  FormatReader file(path, kAssignmentsFormat);
  if (file.records() != documents)
    file.fail(std::to_string(file.records()) + " assignments for " + std::to_string(documents) +
              " documents (from another work folder?)");
  std::vector<Outcome> outcomes(documents);
  for (Outcome& outcome : outcomes) {
    file.read_record(outcome);
    if (outcome.representative >= documents || outcome.exact > 1) file.fail("an assignment out of range (corrupt?)");
  }
  return outcomes;
}

}  // namespace newsdedup
