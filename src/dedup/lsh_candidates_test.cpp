#include "dedup/lsh_candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <vector>

namespace newsdedup {
namespace {

std::vector<std::uint64_t> random_set(std::mt19937_64& rng, std::size_t n) {
  std::vector<std::uint64_t> v(n);
  for (auto& h : v) h = rng();
  return v;
}

// A copy of `base` with its first `changed` shingles replaced by new ones.
std::vector<std::uint64_t> edited(std::mt19937_64& rng, std::vector<std::uint64_t> base, std::size_t changed) {
  for (std::size_t i = 0; i < changed; ++i) base[i] = rng();
  return base;
}

std::vector<std::uint32_t> neighbors(const CandidateGraph& g, std::size_t i) {
  const auto span = g.neighbors_of(i);
  return {span.begin(), span.end()};
}

using Ids = std::vector<std::uint32_t>;

class LshCandidates : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(7);
    const auto story = random_set(rng, 600);
    const auto other_story = random_set(rng, 400);
    docs_ = {
        story,                              // 0
        random_set(rng, 500),               // 1: unrelated
        edited(rng, story, 60),             // 2: near-identical to 0 (J = 540 / 660)
        other_story,                        // 3
        random_set(rng, 800),               // 4: unrelated
        edited(rng, other_story, 150),      // 5: a heavier rewrite of 3 (J = 250 / 550)
    };
    for (const auto& d : docs_) signatures_.push_back(minhash_signature(d));
  }
  std::vector<std::vector<std::uint64_t>> docs_;
  std::vector<Signature> signatures_;
};

TEST_F(LshCandidates, NearIdenticalDocumentsAreCandidatesUnrelatedAreNot) {
  const CandidateGraph g = find_candidates(signatures_, LshParameters{});
  ASSERT_EQ(g.offsets.size(), docs_.size() + 1);
  EXPECT_EQ(neighbors(g, 0), Ids{2});
  EXPECT_EQ(neighbors(g, 2), Ids{0});
  EXPECT_EQ(neighbors(g, 3), Ids{5});
  EXPECT_EQ(neighbors(g, 5), Ids{3});
  EXPECT_TRUE(neighbors(g, 1).empty());
  EXPECT_TRUE(neighbors(g, 4).empty());
  EXPECT_EQ(g.pair_count, 2u);
  EXPECT_EQ(g.neighbors.size(), 2 * g.pair_count);
  EXPECT_EQ(g.oversized_buckets, 0u);
}

TEST_F(LshCandidates, OutputIsSortedAndDeterministic) {
  // Many copies of two stories, interleaved, so that lists are long.
  std::vector<Signature> many;
  std::mt19937_64 rng(11);
  for (int i = 0; i < 40; ++i) many.push_back(minhash_signature(edited(rng, docs_[i % 2 == 0 ? 0 : 3], 20)));
  const CandidateGraph first = find_candidates(many, LshParameters{});
  for (int run = 0; run < 5; ++run) {
    const CandidateGraph again = find_candidates(many, LshParameters{});
    EXPECT_EQ(again.offsets, first.offsets);
    EXPECT_EQ(again.neighbors, first.neighbors);
    EXPECT_EQ(again.pair_count, first.pair_count);
  }
  for (std::size_t i = 0; i < many.size(); ++i) {
    const Ids n = neighbors(first, i);
    EXPECT_TRUE(std::is_sorted(n.begin(), n.end())) << i;
    EXPECT_EQ(std::adjacent_find(n.begin(), n.end()), n.end()) << i;
    EXPECT_EQ(std::count(n.begin(), n.end(), static_cast<std::uint32_t>(i)), 0) << "self loop at " << i;
    EXPECT_EQ(n.size(), 19u) << i;  // every other copy of its own story, none of the other
    for (std::uint32_t j : n) EXPECT_EQ(j % 2, i % 2) << i << " ~ " << j;
  }
  EXPECT_EQ(first.pair_count, 2u * (20 * 19 / 2));
}

TEST_F(LshCandidates, OversizedBucketsLinkOnlyNearbyMembers) {
  const std::vector<Signature> same(10, signatures_[0]);
  LshParameters parameters;
  parameters.max_bucket = 3;
  const CandidateGraph g = find_candidates(same, parameters);
  EXPECT_EQ(g.oversized_buckets, parameters.bands);
  EXPECT_EQ(neighbors(g, 0), (Ids{1, 2, 3}));
  EXPECT_EQ(neighbors(g, 5), (Ids{2, 3, 4, 6, 7, 8}));
  EXPECT_EQ(neighbors(g, 9), (Ids{6, 7, 8}));
}

TEST_F(LshCandidates, EmptyInputAndInvalidParameters) {
  const CandidateGraph empty = find_candidates({}, LshParameters{});
  EXPECT_EQ(empty.pair_count, 0u);
  EXPECT_EQ(empty.offsets.size(), 1u);
  LshParameters too_many;
  too_many.bands = 65;
  EXPECT_THROW(find_candidates(signatures_, too_many), std::invalid_argument);
  LshParameters no_rows;
  no_rows.rows = 0;
  EXPECT_THROW(find_candidates(signatures_, no_rows), std::invalid_argument);
}

// A sorter holds a band's keys packed: the words must order as the keys do within the band, and
// unpack to the same keys (keys drawn from few values, so that equal keys order by document).
TEST(BandKey, PackedWordsOrderAsKeysWithinABandAndUnpack) {
  std::mt19937_64 random(5);
  std::vector<BandKey> keys;
  for (std::uint32_t doc = 0; doc < 2000; ++doc)
    keys.push_back({static_cast<std::uint32_t>(random() % 50 * 0x9E3779B1u), 7, static_cast<std::uint32_t>(random())});
  keys.push_back({0xFFFFFFFFu, 7, 0xFFFFFFFFu});
  keys.push_back({0, 7, 0});
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const BandKey& a = keys[i];
    const BandKey& b = keys[(i * 7919 + 1) % keys.size()];
    EXPECT_EQ(a < b, a.packed() < b.packed()) << i;
    const BandKey back = BandKey::unpacked(7, a.packed());
    EXPECT_TRUE(!(back < a) && !(a < back) && back.band == 7) << i;
  }
}

}  // namespace
}  // namespace newsdedup
