#include "pipeline/candidate_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

template <typename Record>
RecordStream<Record> stream_of(const std::vector<Record>& records) {
  return [records](const std::function<void(const Record&)>& visit) {
    for (const Record& record : records) visit(record);
  };
}

// Keys sorted by band, as a source visiting one band at a time.
BandKeySource source_of(const std::vector<BandKey>& keys, std::size_t bands) {
  return {bands, [keys](std::size_t band, const BandKeySource::Visit& visit) {
            for (const BandKey& key : keys) {
              const std::uint64_t packed = key.packed();
              if (key.band == band) visit(std::span<const std::uint64_t>(&packed, 1));
            }
          }};
}

// `keys` as a band key file (band_keys.bin's format) at `path`.
std::filesystem::path write_band_keys(const std::filesystem::path& path, const std::vector<BandKey>& keys) {
  FormatWriter file(path, kBandKeysFormat, FormatWriter::Kind::kPersistent);
  for (const BandKey& key : keys) file.write_record(key);
  file.finish();
  return path;
}

std::vector<CandidatePair> read_pairs(const std::filesystem::path& path) {
  FormatReader file(path, kCandidatesFormat);
  std::vector<CandidatePair> pairs;
  CandidatePair pair;
  while (file.read_record(pair)) pairs.push_back(pair);
  EXPECT_EQ(pairs.size(), file.records());
  return pairs;
}

TEST(CandidateStage, ExactDuplicatesFollowTheirLongestCopy) {
  // Documents 0 and 2 share a hash, 2 the longer (smaller inverse); 3 is not comparable.
  const std::vector<ExactKey> keys = {{5, kNoDocument - 90, 2}, {5, kNoDocument - 10, 0}, {9, kNoDocument - 50, 1}};
  EXPECT_EQ(exact_leaders(stream_of(keys), 4), (std::vector<std::uint32_t>{2, 1, 2, kNoDocument}));
}

TEST(CandidateStage, VisitOrderIsLongestFirstThenInputOrder) {
  const std::vector<std::uint32_t> body_bytes = {10, 30, 30, 5, 40};
  const std::vector<std::uint32_t> leader = {0, 1, 2, kNoDocument, 1};
  const VisitOrder visit(body_bytes, leader);
  EXPECT_EQ(visit.order, (std::vector<std::uint32_t>{1, 2, 0}));
  EXPECT_EQ(visit.rank, (std::vector<std::uint32_t>{2, 0, 1, kNoDocument, kNoDocument}));
}

// Lengths on both sides of 65,536 (the counting sort's two digits) and many equal ones: the
// order a stable sort by length, longest first, gives.
TEST(CandidateStage, VisitOrderMatchesAStableSortOfLongLengths) {
  std::mt19937 random(3);
  std::vector<std::uint32_t> body_bytes(5000);
  std::vector<std::uint32_t> leader(body_bytes.size());
  for (std::uint32_t d = 0; d < body_bytes.size(); ++d) {
    body_bytes[d] = static_cast<std::uint32_t>(random() % 4 == 0 ? random() % 50 : (random() % 200) * 1000 + random() % 3);
    leader[d] = random() % 5 == 0 ? kNoDocument : d;
  }
  std::vector<std::uint32_t> expected;
  for (std::uint32_t d = 0; d < leader.size(); ++d)
    if (leader[d] == d) expected.push_back(d);
  std::stable_sort(expected.begin(), expected.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return body_bytes[a] > body_bytes[b]; });
  EXPECT_EQ(VisitOrder(body_bytes, leader).order, expected);
}

TEST(CandidateStage, WritesEachPairOnceInVisitOrder) {
  TestTempDir dir;
  const std::vector<std::uint32_t> body_bytes = {10, 30, 20, 5};
  const VisitOrder visit(body_bytes, std::vector<std::uint32_t>{0, 1, 2, kNoDocument});  // visits 1, 2, 0
  // Band 0 and band 1 both put 0, 1, 2 (and 3, not clustered) in one bucket; band 2 pairs 0 and 3 only.
  const std::vector<BandKey> keys = {{7, 0, 0}, {7, 0, 1}, {7, 0, 2}, {7, 0, 3}, {7, 1, 0},
                                     {7, 1, 1}, {7, 1, 2}, {8, 2, 0}, {8, 2, 3}};
  FormatWriter out(dir.path() / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kPersistent);
  RunSummary summary;
  find_candidates(source_of(keys, 3), visit, LshParameters{}, 1 << 20, dir.path(), out, summary);
  const std::vector<CandidatePair> pairs = read_pairs(dir.path() / "candidates.bin");
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(summary.candidate_pairs, 3u);
  // (doc, candidate) by the doc's visit rank, then the candidate's: 2 after 1, then 0 after 1 and 2.
  EXPECT_EQ(pairs[0].doc, 2u);
  EXPECT_EQ(pairs[0].candidate, 1u);
  EXPECT_EQ(pairs[1].doc, 0u);
  EXPECT_EQ(pairs[1].candidate, 1u);
  EXPECT_EQ(pairs[2].doc, 0u);
  EXPECT_EQ(pairs[2].candidate, 2u);
}

TEST(CandidateStage, AnOversizedBucketLinksEachMemberToItsNextMembersOnly) {
  TestTempDir dir;
  const std::vector<std::uint32_t> body_bytes = {40, 30, 20, 10};  // visit order = input order
  const VisitOrder visit(body_bytes, std::vector<std::uint32_t>{0, 1, 2, 3});
  const std::vector<BandKey> keys = {{7, 0, 0}, {7, 0, 1}, {7, 0, 2}, {7, 0, 3}};
  FormatWriter out(dir.path() / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kPersistent);
  RunSummary summary;
  find_candidates(source_of(keys, 1), visit, LshParameters{.max_bucket = 1}, 1 << 20, dir.path(), out, summary);
  const std::vector<CandidatePair> pairs = read_pairs(dir.path() / "candidates.bin");
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(summary.oversized_buckets, 1u);
  for (std::uint32_t i = 0; i < 3; ++i) {
    EXPECT_EQ(pairs[i].doc, i + 1);
    EXPECT_EQ(pairs[i].candidate, i);
  }
}

// Copies of one story form the same bucket in most bands, whose pairs are made once: the pairs
// are those of every bucket of every band, each once, and an oversized bucket counts in each
// band it is in.
TEST(CandidateStage, ABucketRepeatedAcrossBandsGivesItsPairsOnce) {
  TestTempDir dir;
  constexpr std::uint32_t kDocs = 40;
  constexpr std::size_t kBands = 16;
  const std::vector<std::uint32_t> body_bytes(kDocs, 100);  // visit order = input order
  std::vector<std::uint32_t> leader(kDocs);
  for (std::uint32_t d = 0; d < kDocs; ++d) leader[d] = d;
  const VisitOrder visit(body_bytes, leader);
  std::mt19937 random(9);
  std::vector<BandKey> keys;
  std::set<std::pair<std::uint32_t, std::uint32_t>> expected;
  for (std::uint32_t band = 0; band < kBands; ++band) {
    std::vector<std::uint32_t> key_of(kDocs);
    for (std::uint32_t d = 0; d < kDocs; ++d)
      key_of[d] = d < 10 ? 1 : d < 14 ? 2 : static_cast<std::uint32_t>(random() % 40 + 3);  // 0-9 and 10-13 in every band
    for (std::uint32_t d = 0; d < kDocs; ++d) {
      keys.push_back({key_of[d], band, d});
      for (std::uint32_t e = 0; e < d; ++e)
        if (key_of[e] == key_of[d] && (key_of[d] != 1 || d - e <= 5)) expected.insert({d, e});  // max_bucket 5
    }
  }
  std::sort(keys.begin(), keys.end());
  FormatWriter out(dir.path() / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kPersistent);
  RunSummary summary;
  find_candidates(source_of(keys, kBands), visit, LshParameters{.max_bucket = 5}, 1 << 20, dir.path(), out, summary);
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  for (const CandidatePair& pair : read_pairs(dir.path() / "candidates.bin")) {
    EXPECT_TRUE(seen.insert({pair.doc, pair.candidate}).second) << pair.doc << " " << pair.candidate;
  }
  EXPECT_EQ(seen, expected);
  EXPECT_GE(summary.oversized_buckets, kBands);  // the bucket of 0-9, once a band (and any random one)
}

TEST(CandidateStage, KeyFilesOutOfOrderOrNamingUnknownDocumentsAreRefused) {
  TestTempDir dir;
  auto write_keys = [&](const std::string& name, const std::vector<BandKey>& keys) {
    return write_band_keys(dir.path() / name, keys);
  };
  const auto ignore = [](const BandKey&) {};
  FormatReader sorted(write_keys("sorted.bin", {{1, 0, 0}, {1, 0, 1}, {2, 0, 0}}), kBandKeysFormat);
  EXPECT_NO_THROW(key_file_stream<BandKey>(sorted, 2)(ignore));
  FormatReader unsorted(write_keys("unsorted.bin", {{2, 0, 0}, {1, 0, 1}}), kBandKeysFormat);
  EXPECT_THROW(key_file_stream<BandKey>(unsorted, 2)(ignore), WorkFileError);
  FormatReader unknown(write_keys("unknown.bin", {{1, 0, 0}, {1, 0, 5}}), kBandKeysFormat);
  EXPECT_THROW(key_file_stream<BandKey>(unknown, 2)(ignore), WorkFileError);
  EXPECT_THROW(FormatReader(dir.path() / "sorted.bin", kExactKeysFormat), WorkFileError);
}

// Many bands, turned into pairs on several threads: the same file as from a band key file read
// band by band, and the same whether the pairs spilled or not.
TEST(CandidateStage, PairsDoNotDependOnHowBandsAreReadOrOnSpilling) {
  TestTempDir dir;
  constexpr std::uint32_t kDocuments = 400;
  constexpr std::size_t kBands = 32;
  std::vector<std::uint32_t> body_bytes(kDocuments), leader(kDocuments);
  for (std::uint32_t d = 0; d < kDocuments; ++d) {
    body_bytes[d] = d * 7919 % 1000;
    leader[d] = d;
  }
  const VisitOrder visit(body_bytes, leader);
  std::vector<BandKey> keys;
  for (std::uint32_t band = 0; band < kBands; ++band)
    for (std::uint32_t d = 0; d < kDocuments; ++d) keys.push_back({(d * (band + 3)) % 37, band, d});
  std::sort(keys.begin(), keys.end());
  write_band_keys(dir.path() / "band_keys.bin", keys);
  auto pairs_from = [&](const BandKeySource& source, std::uint64_t memory, const std::string& name) {
    FormatWriter out(dir.path() / name, kCandidatesFormat, FormatWriter::Kind::kPersistent);
    RunSummary summary;
    find_candidates(source, visit, LshParameters{.bands = kBands}, memory, dir.path(), out, summary);
    if (memory < (1u << 20)) {
      EXPECT_GT(summary.spilled_runs, 1u);
    }
    return read_pairs(dir.path() / name);
  };
  const std::vector<CandidatePair> expected = pairs_from(source_of(keys, kBands), 1 << 30, "memory.bin");
  EXPECT_GT(expected.size(), 1000u);
  const FormatReader file(dir.path() / "band_keys.bin", kBandKeysFormat);
  for (const std::uint64_t memory : {std::uint64_t{1} << 30, std::uint64_t{16} << 10}) {
    const std::vector<CandidatePair> pairs = pairs_from(band_key_file_source(file, kDocuments, kBands), memory,
                                                          "file-" + std::to_string(memory) + ".bin");
    ASSERT_EQ(pairs.size(), expected.size()) << memory;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      ASSERT_EQ(pairs[i].doc, expected[i].doc) << i;
      ASSERT_EQ(pairs[i].candidate, expected[i].candidate) << i;
    }
  }
}

TEST(CandidateStage, BandKeyFilesOutOfOrderOrNamingUnknownDocumentsOrBandsAreRefused) {
  TestTempDir dir;
  auto write_keys = [&](const std::string& name, const std::vector<BandKey>& keys) {
    return write_band_keys(dir.path() / name, keys);
  };
  auto visit_all = [](const BandKeySource& source) {
    std::vector<BandKey> seen;
    for (std::size_t band = 0; band < source.bands; ++band)
      source.visit_band(band, [&](std::span<const std::uint64_t> keys) {
        for (const std::uint64_t packed : keys) seen.push_back(BandKey::unpacked(band, packed));
      });
    return seen;
  };
  const FormatReader sorted(write_keys("sorted.bin", {{1, 0, 0}, {1, 0, 1}, {2, 0, 0}, {1, 2, 1}}), kBandKeysFormat);
  EXPECT_EQ(visit_all(band_key_file_source(sorted, 2, 3)).size(), 4u);
  const FormatReader unsorted(write_keys("unsorted.bin", {{2, 0, 0}, {1, 0, 1}}), kBandKeysFormat);
  EXPECT_THROW(visit_all(band_key_file_source(unsorted, 2, 1)), WorkFileError);
  const FormatReader bands_unsorted(write_keys("bands.bin", {{1, 1, 0}, {1, 0, 1}, {1, 1, 1}}), kBandKeysFormat);
  EXPECT_THROW(visit_all(band_key_file_source(bands_unsorted, 2, 2)), WorkFileError);
  const FormatReader unknown(write_keys("unknown.bin", {{1, 0, 0}, {1, 0, 5}}), kBandKeysFormat);
  EXPECT_THROW(visit_all(band_key_file_source(unknown, 2, 1)), WorkFileError);
  const FormatReader beyond(write_keys("beyond.bin", {{1, 0, 0}, {1, 4, 1}}), kBandKeysFormat);
  EXPECT_THROW(band_key_file_source(beyond, 2, 2), WorkFileError);
}

}  // namespace
}  // namespace newsdedup
