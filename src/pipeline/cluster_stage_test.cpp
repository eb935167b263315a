#include "pipeline/cluster_stage.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

// Three comparable documents with the same shingles, of different lengths, all candidates.
struct Corpus {
  explicit Corpus(const TestTempDir& dir) : sketches(dir.path() / "sketches.bin", FormatWriter::Kind::kTemporary) {
    std::vector<std::uint32_t> shingles(50);
    std::iota(shingles.begin(), shingles.end(), 1);
    table.states.assign(3, DocumentState::kOk);
    table.body_bytes = {100, 300, 200};
    for (const char* id : {"a", "b", "c"}) table.sketch_offsets.push_back(sketches.append(id, shingles, {}));
    sketches.flush();
  }
  DocumentTable table;
  SketchWriter sketches;
  std::vector<std::uint32_t> leader = {0, 1, 2};
};

std::filesystem::path write_pairs(const TestTempDir& dir, const std::vector<CandidatePair>& pairs) {
  FormatWriter file(dir.path() / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kPersistent, true);
  for (const CandidatePair& pair : pairs) file.write_record(pair);
  file.finish();
  return file.path();
}

TEST(ClusterStage, ClustersUnderTheLongestCopyFromPairsInVisitOrder) {
  TestTempDir dir;
  Corpus corpus(dir);
  const VisitOrder visit(corpus.table.body_bytes, corpus.leader);  // visits 1, 2, 0
  const SketchReader sketches = SketchReader::open(corpus.sketches, std::uint64_t{64} << 20);
  FormatReader pairs(write_pairs(dir, {{2, 1}, {0, 1}, {0, 2}}), kCandidatesFormat);
  RunSummary summary;
  const std::vector<Outcome> outcome =
      cluster_candidates({corpus.table, corpus.leader, visit, sketches}, pairs, false, 1 << 20, DuplicateRule{}, summary);
  for (const Outcome& o : outcome) EXPECT_EQ(o.representative, 1u);
  EXPECT_FLOAT_EQ(outcome[0].jaccard, 1.0f);
  EXPECT_EQ(summary.verifications, 2u);
}

TEST(ClusterStage, PairsOutOfVisitOrderAreRefusedUnlessResorted) {
  TestTempDir dir;
  Corpus corpus(dir);
  const VisitOrder visit(corpus.table.body_bytes, corpus.leader);
  const SketchReader sketches = SketchReader::open(corpus.sketches, std::uint64_t{64} << 20);
  RunSummary summary;
  const ClusterInputs inputs{corpus.table, corpus.leader, visit, sketches};
  FormatReader backwards(write_pairs(dir, {{1, 2}}), kCandidatesFormat);  // 1 is visited before 2
  EXPECT_THROW(cluster_candidates(inputs, backwards, false, 1 << 20, DuplicateRule{}, summary), WorkFileError);
  FormatReader unsorted(write_pairs(dir, {{0, 2}, {2, 1}}), kCandidatesFormat);
  EXPECT_THROW(cluster_candidates(inputs, unsorted, false, 1 << 20, DuplicateRule{}, summary), WorkFileError);
  FormatReader resorted(write_pairs(dir, {{0, 2}, {1, 2}, {0, 1}}), kCandidatesFormat);
  const std::vector<Outcome> outcome = cluster_candidates(inputs, resorted, true, 1 << 20, DuplicateRule{}, summary);
  for (const Outcome& o : outcome) EXPECT_EQ(o.representative, 1u);
  FormatReader unknown(write_pairs(dir, {{7, 1}}), kCandidatesFormat);
  EXPECT_THROW(cluster_candidates(inputs, unknown, false, 1 << 20, DuplicateRule{}, summary), WorkFileError);
}

TEST(ClusterStage, AssignmentsRoundTripAndAreCheckedAgainstTheDocuments) {
  TestTempDir dir;
  const std::vector<Outcome> outcomes = {{0, 0, 0, 0}, {0, 0.75f, 0.9f, 0}, {0, 1, 1, 1}};
  save_assignments(outcomes, dir.path() / "assignments.bin", false);
  const std::vector<Outcome> loaded = load_assignments(dir.path() / "assignments.bin", 3);
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_FLOAT_EQ(loaded[1].jaccard, 0.75f);
  EXPECT_FLOAT_EQ(loaded[1].containment, 0.9f);
  EXPECT_EQ(loaded[2].exact, 1u);
  EXPECT_THROW(load_assignments(dir.path() / "assignments.bin", 4), WorkFileError);
  save_assignments({{5, 0, 0, 0}}, dir.path() / "out_of_range.bin", false);
  EXPECT_THROW(load_assignments(dir.path() / "out_of_range.bin", 1), WorkFileError);
}

}  // namespace
}  // namespace newsdedup
