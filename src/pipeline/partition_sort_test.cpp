#include "pipeline/partition_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace newsdedup {
namespace {

struct Keyed {
  std::uint32_t band = 0;
  std::uint64_t key = 0;
  bool operator<(const Keyed& other) const { return std::tie(band, key) < std::tie(other.band, other.key); }
  bool operator==(const Keyed& other) const = default;
};

void expect_sorted(std::vector<Keyed> records, std::size_t partitions) {
  std::vector<Keyed> expected = records;
  std::sort(expected.begin(), expected.end());
  partition_sort(std::span<Keyed>(records), partitions, [](const Keyed& k) { return std::size_t{k.band}; },
                 [](const Keyed& k) { return k.key; });
  EXPECT_EQ(records, expected);
}

TEST(PartitionSort, SortsAcrossAndWithinPartitions) {
  std::mt19937_64 random(7);
  std::vector<Keyed> records(100000);
  for (Keyed& k : records) k = {static_cast<std::uint32_t>(random() % 64), random() % 20000};
  expect_sorted(records, 64);
}

TEST(PartitionSort, EmptyAndUnevenPartitions) {
  expect_sorted({}, 64);
  expect_sorted({{3, 5}}, 64);
  std::vector<Keyed> records;
  for (std::uint64_t i = 0; i < 1000; ++i) records.push_back({i % 10 == 0 ? 63u : 0u, 1000 - i});
  expect_sorted(records, 64);
}

TEST(PartitionSort, RejectsAPartitionOutOfRange) {
  std::vector<Keyed> records = {{64, 1}};
  EXPECT_THROW(partition_sort(
                   std::span<Keyed>(records), 64, [](const Keyed& k) { return std::size_t{k.band}; },
                   [](const Keyed& k) { return k.key; }),
               std::out_of_range);
}

}  // namespace
}  // namespace newsdedup
