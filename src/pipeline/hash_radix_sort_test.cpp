#include "pipeline/hash_radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

namespace newsdedup {
namespace {

struct Keyed {
  std::uint64_t hash = 0;
  std::uint32_t tie = 0;
  bool operator<(const Keyed& other) const { return std::tie(hash, tie) < std::tie(other.hash, other.tie); }
  bool operator==(const Keyed& other) const = default;
};

void expect_sorted(std::vector<Keyed> records) {
  std::vector<Keyed> expected = records;
  std::sort(expected.begin(), expected.end());
  sort_by_hash(std::span<Keyed>(records), [](const Keyed& k) { return k.hash; });
  EXPECT_EQ(records, expected);
}

TEST(HashRadixSort, SortsSpreadHashesWithTies) {
  std::mt19937_64 random(7);
  std::vector<Keyed> records(100000);
  for (Keyed& k : records) k = {random() % 20000 * 0x9E3779B97F4A7C15ULL, static_cast<std::uint32_t>(random() % 5)};
  expect_sorted(records);
}

// Hashes that differ only below the top 32 bits go to the comparison sort of equal runs.
TEST(HashRadixSort, SortsHashesThatShareTheirTopBits) {
  std::mt19937_64 random(8);
  std::vector<Keyed> records(20000);
  for (Keyed& k : records) k = {(random() % 4) << 32 | (random() & 0xFFFFFFFF), static_cast<std::uint32_t>(random())};
  expect_sorted(records);
}

// A digit every hash shares is skipped: here the top one (two passes, the records end where
// they started) and the middle one (two passes over digits apart).
TEST(HashRadixSort, SkipsDigitsEveryHashShares) {
  std::mt19937_64 random(9);
  std::vector<Keyed> low(30000), outer(30000);
  for (Keyed& k : low) k = {(random() % (1u << 22)) << 32 | (random() & 0xFF), static_cast<std::uint32_t>(random() % 3)};
  for (Keyed& k : outer)
    k = {(random() % 1024) << 54 | (random() % 2048) << 32, static_cast<std::uint32_t>(random() % 3)};
  expect_sorted(low);
  expect_sorted(outer);
}

TEST(HashRadixSort, EmptyAndSingle) {
  expect_sorted({});
  expect_sorted({{~0ULL, 1}});
}

}  // namespace
}  // namespace newsdedup
