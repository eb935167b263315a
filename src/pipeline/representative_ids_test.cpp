#include "pipeline/representative_ids.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

// Six documents: 1 and 4 are representatives of duplicates (4 of a long id), 0 represents only
// itself, 5 has no sketch. Ids are held in one buffer up to its bound and read from the
// sketches past it: both ways name every representative as read_id() does.
TEST(RepresentativeIds, HoldsTheRepresentativesIdsUpToTheBoundAndReadsTheRest) {
  TestTempDir dir;
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  DocumentTable table;
  const std::vector<std::string> ids = {"zero", "one", "two", "three", std::string(700, 'f'), "five"};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    table.states.push_back(i == 5 ? DocumentState::kEmpty : DocumentState::kOk);
    table.body_bytes.push_back(100);
    table.sketch_offsets.push_back(i == 5 ? 0 : writer.append(ids[i], std::vector<std::uint32_t>{1, 2}, {}));
  }
  writer.finish();
  std::vector<Outcome> outcome(ids.size());
  for (std::uint32_t i = 0; i < outcome.size(); ++i) outcome[i].representative = i;
  outcome[2].representative = 1;
  outcome[3].representative = 4;
  outcome[0].representative = 0;
  for (const std::uint64_t resident : {std::uint64_t{1}, std::uint64_t{64} << 20}) {
    const SketchReader sketches = SketchReader::open(dir.path() / "sketches.bin", resident);
    for (const std::uint64_t bound : {std::uint64_t{0}, std::uint64_t{10}, std::uint64_t{1000}}) {
      const RepresentativeIds representatives(table, outcome, sketches, bound);
      EXPECT_EQ(representatives.held_bytes(), bound == 0 ? 0u : bound == 10 ? 3u : 703u) << bound;
      std::string scratch;
      EXPECT_EQ(representatives.id(1, scratch), "one") << bound;
      EXPECT_EQ(representatives.id(4, scratch), ids[4]) << bound;
      EXPECT_EQ(representatives.id(1, scratch), sketches.read_id(table.sketch_offsets[1])) << bound;
      // A document no duplicate names is read from the sketches when asked for all the same.
      EXPECT_EQ(representatives.id(0, scratch), "zero") << bound;
    }
  }
}

}  // namespace
}  // namespace newsdedup
