#include "pipeline/external_sorter.h"

#include <gtest/gtest.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <random>
#include <span>
#include <stdexcept>

#include "dedup/lsh_candidates.h"
#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

struct KeyedRecord {
  std::uint64_t key;
  std::uint64_t value;
  bool operator<(const KeyedRecord& other) const {
    return key != other.key ? key < other.key : value < other.value;
  }
};

std::vector<KeyedRecord> sorted_through(std::uint64_t budget, const std::vector<KeyedRecord>& input,
                                        std::size_t* runs = nullptr) {
  TestTempDir dir;
  ExternalSorter<KeyedRecord> sorter(dir.path(), "test", budget);
  for (const KeyedRecord& r : input) sorter.add(r);
  std::vector<KeyedRecord> out;
  sorter.merge([&](const KeyedRecord& r) { out.push_back(r); });
  if (runs != nullptr) *runs = sorter.runs_spilled();
  EXPECT_EQ(sorter.size(), input.size());
  return out;
}

// `bands` keys per document, each one of `distinct` values: buckets of several documents.
std::vector<BandKey> random_band_keys(std::uint64_t seed, std::uint32_t documents, std::uint32_t bands,
                                      std::uint64_t distinct) {
  std::mt19937_64 random(seed);
  std::vector<BandKey> keys;
  for (std::uint32_t doc = 0; doc < documents; ++doc)
    for (std::uint32_t band = 0; band < bands; ++band)
      keys.push_back({static_cast<std::uint32_t>(random() % distinct * 0x9E3779B1u), band, doc});
  return keys;
}

std::vector<BandKey> sorted_copy(std::vector<BandKey> keys) {
  std::sort(keys.begin(), keys.end());
  return keys;
}

void expect_same_order(const std::vector<BandKey>& out, const std::vector<BandKey>& expected, std::uint64_t budget) {
  ASSERT_EQ(out.size(), expected.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    ASSERT_TRUE(!(out[i] < expected[i]) && !(expected[i] < out[i])) << "at " << i << ", budget " << budget;
}

// Band keys are buffered band by band and each band is radix-sorted: in memory and through
// spilled runs, the merge gives the same order as one sort of everything.
TEST(ExternalSorter, SortsPartitionedRecordsBandByBand) {
  const std::vector<BandKey> input = random_band_keys(9, 3000, 16, 700);
  const std::vector<BandKey> expected = sorted_copy(input);
  for (const std::uint64_t budget : {std::uint64_t{1} << 30, std::uint64_t{16} * 1024 * 16}) {
    TestTempDir dir;
    ExternalSorter<BandKey> sorter(dir.path(), "bands", budget, 16);
    for (const BandKey& key : input) sorter.add(key);
    std::vector<BandKey> out;
    sorter.merge([&](const BandKey& key) { out.push_back(key); });
    expect_same_order(out, expected, budget);
    if (budget < (1u << 20)) {
      EXPECT_GT(sorter.runs_spilled(), 1u);
    }
  }
}

// A document's band keys added in one call (one a partition, in order) are buffered, spilled
// and merged exactly as the same keys added one by one: the same records in the same order,
// the same runs and bytes spilled, with and without spills; a key out of its place is refused.
TEST(ExternalSorter, AddOnePerPartitionMatchesAddingOneByOne) {
  constexpr std::uint32_t kBands = 16;
  const std::vector<BandKey> input = random_band_keys(21, 3000, kBands, 700);
  for (const std::uint64_t budget : {std::uint64_t{1} << 30, std::uint64_t{16} * 1024 * 16, std::uint64_t{4096}}) {
    TestTempDir dir;
    ExternalSorter<BandKey> one_by_one(dir.path(), "one", budget, kBands);
    ExternalSorter<BandKey> per_document(dir.path(), "doc", budget, kBands);
    for (std::size_t first = 0; first < input.size(); first += kBands) {
      for (std::size_t k = first; k < first + kBands; ++k) one_by_one.add(input[k]);
      per_document.add_one_per_partition(std::span<const BandKey>(input).subspan(first, kBands));
    }
    EXPECT_EQ(per_document.size(), one_by_one.size());
    EXPECT_EQ(per_document.runs_spilled(), one_by_one.runs_spilled()) << budget;
    EXPECT_EQ(per_document.bytes_spilled(), one_by_one.bytes_spilled()) << budget;
    std::vector<BandKey> expected;
    one_by_one.merge([&](const BandKey& key) { expected.push_back(key); });
    std::vector<BandKey> out;
    per_document.merge([&](const BandKey& key) { out.push_back(key); });
    ASSERT_EQ(out.size(), expected.size());
    for (std::size_t i = 0; i < out.size(); ++i)
      ASSERT_TRUE(out[i].key == expected[i].key && out[i].band == expected[i].band && out[i].doc == expected[i].doc)
          << "at " << i << ", budget " << budget;
  }
  TestTempDir dir;
  ExternalSorter<BandKey> sorter(dir.path(), "bands", 1 << 20, 4);
  const std::vector<BandKey> swapped = {{1, 1, 0}, {2, 0, 0}};
  EXPECT_THROW(sorter.add_one_per_partition(swapped), std::invalid_argument);
  const std::vector<BandKey> too_many = {{1, 0, 0}, {1, 1, 0}, {1, 2, 0}, {1, 3, 0}, {1, 4, 0}};
  EXPECT_THROW(sorter.add_one_per_partition(too_many), std::out_of_range);
  // Too many, although the last is of a partition there is.
  const std::vector<BandKey> too_many_ending_well = {{1, 0, 0}, {1, 1, 0}, {1, 2, 0}, {1, 3, 0}, {1, 4, 0}, {1, 0, 0}};
  EXPECT_THROW(sorter.add_one_per_partition(too_many_ending_well), std::out_of_range);
}

// Partitions merged one at a time, several at once, give each partition's records in order,
// in memory and through spilled runs.
TEST(ExternalSorter, MergesPartitionsOnTheirOwnAndAtOnce) {
  const std::vector<BandKey> input = random_band_keys(11, 3000, 16, 700);
  const std::vector<BandKey> expected = sorted_copy(input);
  for (const std::uint64_t budget : {std::uint64_t{1} << 30, std::uint64_t{16} * 1024 * 16}) {
    TestTempDir dir;
    ExternalSorter<BandKey> sorter(dir.path(), "bands", budget, 16);
    for (const BandKey& key : input) sorter.add(key);
    sorter.seal();
    ASSERT_EQ(sorter.partitions(), 16u);
    std::vector<std::vector<BandKey>> parts(16);
    tbb::parallel_for(std::size_t{0}, std::size_t{16}, [&](std::size_t p) {
      sorter.merge_partition_blocks(p, [&](std::span<const std::uint64_t> block) {
        for (const std::uint64_t packed : block) parts[p].push_back(BandKey::unpacked(p, packed));
      });
    });
    std::vector<BandKey> out;
    for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
    expect_same_order(out, expected, budget);
    if (budget < (1u << 20)) {
      EXPECT_GT(sorter.runs_spilled(), 1u);
    }
  }
}

// Blocks of a partition: one in memory; from spilled runs, several of at most 4,096 records
// whose concatenation is the partition in order.
TEST(ExternalSorter, MergesAPartitionInBlocks) {
  const std::vector<BandKey> input = random_band_keys(12, 10000, 2, 900);
  const std::vector<BandKey> expected = sorted_copy(input);
  for (const std::uint64_t budget : {std::uint64_t{1} << 30, std::uint64_t{16} * 1024 * 2}) {
    TestTempDir dir;
    ExternalSorter<BandKey> sorter(dir.path(), "bands", budget, 2);
    for (const BandKey& key : input) sorter.add(key);
    sorter.seal();
    std::vector<BandKey> out;
    std::size_t blocks = 0;
    for (std::size_t p = 0; p < 2; ++p)
      sorter.merge_partition_blocks(p, [&](std::span<const std::uint64_t> block) {
        ASSERT_FALSE(block.empty());
        if (budget < (1u << 20)) {
          ASSERT_LE(block.size(), 4096u);
        }
        ++blocks;
        for (const std::uint64_t packed : block) out.push_back(BandKey::unpacked(p, packed));
      });
    expect_same_order(out, expected, budget);
    if (budget < (1u << 20)) {
      EXPECT_GT(sorter.runs_spilled(), 1u);
      EXPECT_GE(blocks, 6u);  // 10,000 records a partition
    } else {
      EXPECT_EQ(blocks, 2u);
    }
  }
}

TEST(ExternalSorter, RejectsARecordOfAnUnknownPartition) {
  TestTempDir dir;
  ExternalSorter<BandKey> sorter(dir.path(), "bands", 1 << 20, 4);
  EXPECT_THROW(sorter.add({1, 4, 0}), std::out_of_range);
}

TEST(ExternalSorter, SpillsRunsAndMergesThemInOrder) {
  std::mt19937_64 random(7);
  std::vector<KeyedRecord> input(100'000);
  for (std::uint64_t i = 0; i < input.size(); ++i) input[i] = {random() % 5000, i};
  std::vector<KeyedRecord> expected = input;
  std::sort(expected.begin(), expected.end());

  std::size_t runs = 0;
  const auto spilled = sorted_through(16 * 4096, input, &runs);  // 4096 records per run
  EXPECT_GE(runs, 24u);
  ASSERT_EQ(spilled.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(spilled[i].key, expected[i].key) << i;
    ASSERT_EQ(spilled[i].value, expected[i].value) << i;
  }
  const auto in_memory = sorted_through(std::uint64_t{1} << 30, input, &runs);
  EXPECT_EQ(runs, 0u);
  EXPECT_EQ(in_memory.size(), expected.size());
  EXPECT_EQ(in_memory.back().key, expected.back().key);
}

TEST(ExternalSorter, EmptyAndExactlyFullBuffers) {
  EXPECT_TRUE(sorted_through(1 << 20, {}).empty());
  std::vector<KeyedRecord> input(2048);
  for (std::uint64_t i = 0; i < input.size(); ++i) input[i] = {input.size() - i, i};
  std::size_t runs = 0;
  const auto out = sorted_through(16 * 1024, input, &runs);  // two full runs, empty buffer
  EXPECT_EQ(runs, 2u);
  ASSERT_EQ(out.size(), input.size());
  EXPECT_EQ(out.front().key, 1u);
  EXPECT_EQ(out.back().key, input.size());
}

TEST(ExternalSorter, LeavesNoRunFiles) {
  TestTempDir dir;
  ExternalSorter<KeyedRecord> sorter(dir.path(), "gone", 16 * 1024);
  for (std::uint64_t i = 0; i < 5000; ++i) sorter.add({i, i});
  EXPECT_GT(sorter.runs_spilled(), 0u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // even while the runs exist
}

}  // namespace
}  // namespace newsdedup
