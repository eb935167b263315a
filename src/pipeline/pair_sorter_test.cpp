#include "pipeline/pair_sorter.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

// Many repeats, more than the budget holds: every distinct pair comes out once, ascending,
// whether or not the pairs spilled.
TEST(PairSorter, VisitsEachDistinctPairOnceInOrder) {
  for (std::uint64_t budget : {std::uint64_t{1} << 30, std::uint64_t{16} << 10}) {
    TestTempDir dir;
    PairSorter sorter(dir.path(), "pairs", budget);
    std::mt19937_64 random(7);
    std::set<std::uint64_t> expected;
    for (int i = 0; i < 200000; ++i) {
      const std::uint64_t pair = random() % 30000;
      expected.insert(pair);
      sorter.add(pair);
    }
    std::vector<std::uint64_t> seen;
    sorter.merge([&](std::uint64_t pair) { seen.push_back(pair); });
    EXPECT_EQ(seen, std::vector<std::uint64_t>(expected.begin(), expected.end())) << budget;
    if (budget < 1u << 20) {
      EXPECT_GT(sorter.runs_spilled(), 1u);
    }
  }
}

// Pairs are hashed into a set that grows: values that share low or high bits, zero and the
// largest value (which the set uses to mark a free slot) all come out once.
TEST(PairSorter, KeepsValuesTheHashSetTreatsSpecially) {
  TestTempDir dir;
  PairSorter sorter(dir.path(), "pairs", std::uint64_t{1} << 20);
  std::set<std::uint64_t> expected = {0, ~std::uint64_t{0}};
  for (std::uint64_t i = 0; i < 5000; ++i) {
    expected.insert(i << 40);
    expected.insert(i << 32 | 7);
  }
  for (int round = 0; round < 3; ++round)
    for (std::uint64_t pair : expected) sorter.add(pair);
  std::vector<std::uint64_t> seen;
  sorter.merge([&](std::uint64_t pair) { seen.push_back(pair); });
  EXPECT_EQ(seen, std::vector<std::uint64_t>(expected.begin(), expected.end()));
}

}  // namespace
}  // namespace newsdedup
