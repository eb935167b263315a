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

// Hashes that differ only below the bits the passes sort by go to the comparison sort of
// equal runs: here all 20,000 share their top 30 bits (18 are sorted by).
TEST(HashRadixSort, SortsHashesThatShareTheirTopBits) {
  std::mt19937_64 random(8);
  std::vector<Keyed> records(20000);
  for (Keyed& k : records) k = {(random() % 4) << 32 | (random() & 0xFFFFFFFF), static_cast<std::uint32_t>(random())};
  expect_sorted(records);
}

// A digit every hash shares is skipped. 30,000 records sort by their top 18 bits, two digits
// of 9 (bits 46 to 54, and 55 to 63): `low` varies in the lower digit only (one pass, the
// records end in the scratch copy and are copied back), `outer` in the upper one only.
TEST(HashRadixSort, SkipsDigitsEveryHashShares) {
  std::mt19937_64 random(9);
  std::vector<Keyed> low(30000), outer(30000);
  for (Keyed& k : low) k = {(random() % 512) << 46 | (random() & 0xFFFF), static_cast<std::uint32_t>(random() % 3)};
  for (Keyed& k : outer) k = {(random() % 512) << 55 | (random() & 0xFF), static_cast<std::uint32_t>(random() % 3)};
  expect_sorted(low);
  expect_sorted(outer);
}

// Every size sorts by as many top bits as it needs (one, two or three digits), spread hashes or
// hashes with few distinct values alike.
TEST(HashRadixSort, SortsEverySizeWithOneTwoOrThreeDigits) {
  std::mt19937_64 random(10);
  for (const std::size_t n : {2u, 3u, 17u, 100u, 255u, 256u, 1000u, 4097u, 65536u, 300000u, 600000u}) {
    std::vector<Keyed> spread(n), few(n);
    for (Keyed& k : spread) k = {random(), static_cast<std::uint32_t>(random() % 7)};
    for (Keyed& k : few) k = {random() % 50 * 0x9E3779B97F4A7C15ULL, static_cast<std::uint32_t>(random() % 7)};
    expect_sorted(spread);
    expect_sorted(few);
  }
}

TEST(HashRadixSort, EmptyAndSingle) {
  expect_sorted({});
  expect_sorted({{~0ULL, 1}});
}

}  // namespace
}  // namespace newsdedup
