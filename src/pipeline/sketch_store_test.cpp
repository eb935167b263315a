#include "pipeline/sketch_store.h"

#include <gtest/gtest.h>

#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

TEST(SketchStore, ReadsBackEveryRecordByOffset) {
  TestTempDir dir;
  SketchStore store(dir.path() / "sketches");
  const std::vector<std::uint64_t> shingles = {3, 5, 8, 13}, numbers = {42};
  const std::uint64_t first = store.append("doc-1", shingles, numbers);
  const std::uint64_t empty = store.append("", {}, {});
  const std::uint64_t third = store.append("doc-\xC3\xA9", numbers, shingles);
  store.flush();

  ShingleBuffer buffer;
  ShingleView view = store.read(first, buffer);
  EXPECT_EQ(std::vector<std::uint64_t>(view.shingles.begin(), view.shingles.end()), shingles);
  EXPECT_EQ(std::vector<std::uint64_t>(view.numbers.begin(), view.numbers.end()), numbers);
  EXPECT_EQ(store.read_id(first), "doc-1");
  view = store.read(empty, buffer);
  EXPECT_TRUE(view.shingles.empty());
  EXPECT_TRUE(view.numbers.empty());
  EXPECT_EQ(store.read_id(empty), "");
  view = store.read(third, buffer);
  EXPECT_EQ(view.shingles.size(), 1u);
  EXPECT_EQ(view.numbers.size(), 4u);
  EXPECT_EQ(store.read_id(third), "doc-\xC3\xA9");
}

TEST(SketchStore, LeavesNoFile) {
  TestTempDir dir;
  SketchStore store(dir.path() / "sketches");
  store.append("doc", {}, {});
  store.flush();
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace newsdedup
