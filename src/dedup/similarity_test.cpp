#include "dedup/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <random>
#include <vector>

namespace newsdedup {
namespace {

std::vector<std::uint32_t> range(std::uint32_t begin, std::uint32_t end) {
  std::vector<std::uint32_t> v(end - begin);
  std::iota(v.begin(), v.end(), begin);
  return v;
}

ShingleView view(const std::vector<std::uint32_t>& shingles, const std::vector<std::uint32_t>& numbers = {}) {
  return {shingles, numbers};
}

TEST(Similarity, JaccardContainmentAndShared) {
  const auto a = range(0, 100);
  const auto b = range(50, 200);  // 50 shared, union 200
  const Similarity s = compare_shingles(view(a), view(b));
  EXPECT_EQ(s.shared, 50u);
  EXPECT_DOUBLE_EQ(s.jaccard, 0.25);
  EXPECT_DOUBLE_EQ(s.containment, 0.5);
  const Similarity r = compare_shingles(view(b), view(a));
  EXPECT_EQ(r.shared, s.shared);
  EXPECT_DOUBLE_EQ(r.jaccard, s.jaccard);
  EXPECT_DOUBLE_EQ(r.containment, s.containment);
}

TEST(Similarity, IdenticalDisjointAndEmpty) {
  const auto a = range(0, 40);
  const Similarity same = compare_shingles(view(a), view(a));
  EXPECT_DOUBLE_EQ(same.jaccard, 1.0);
  EXPECT_DOUBLE_EQ(same.containment, 1.0);
  EXPECT_EQ(same.shared, 40u);
  const auto b = range(100, 140);
  const Similarity disjoint = compare_shingles(view(a), view(b));
  EXPECT_DOUBLE_EQ(disjoint.jaccard, 0.0);
  EXPECT_DOUBLE_EQ(disjoint.containment, 0.0);
  const std::vector<std::uint32_t> none;
  const Similarity empty = compare_shingles(view(none), view(a));
  EXPECT_DOUBLE_EQ(empty.jaccard, 0.0);
  EXPECT_DOUBLE_EQ(empty.containment, 0.0);
  EXPECT_EQ(compare_shingles(view(none), view(none)).shared, 0u);
}

TEST(Similarity, TruncatedCopyIsContained) {
  const auto full = range(0, 300);
  const auto truncated = range(0, 120);
  const Similarity s = compare_shingles(view(truncated), view(full));
  EXPECT_DOUBLE_EQ(s.containment, 1.0);
  EXPECT_DOUBLE_EQ(s.jaccard, 0.4);
  const DuplicateRule rule;
  EXPECT_TRUE(rule.is_duplicate(s));
  // Containment alone needs enough shared shingles: a tiny fragment is not a copy.
  const auto fragment = range(0, 5);
  const Similarity tiny = compare_shingles(view(fragment), view(full));
  EXPECT_DOUBLE_EQ(tiny.containment, 1.0);
  EXPECT_FALSE(rule.is_duplicate(tiny));
}

TEST(Similarity, FiguresAreCountedOnTheDocumentWithFewerShingles) {
  const auto longer = range(0, 200);
  const auto shorter = range(0, 150);
  const std::vector<std::uint32_t> long_numbers = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<std::uint32_t> short_numbers = {1, 2, 3, 11, 12};
  for (bool swapped : {false, true}) {
    const Similarity s = swapped ? compare_shingles(view(longer, long_numbers), view(shorter, short_numbers))
                                 : compare_shingles(view(shorter, short_numbers), view(longer, long_numbers));
    EXPECT_EQ(s.numbers, 5u) << swapped;
    EXPECT_EQ(s.numbers_missing, 2u) << swapped;
  }
}

TEST(Similarity, DuplicateRuleNeedsTextsAndFiguresToAgree) {
  const DuplicateRule rule;
  Similarity s;
  s.jaccard = 0.9;
  s.containment = 0.95;
  s.shared = 10;
  s.smaller = 40;
  s.numbers = 10;
  s.numbers_missing = 0;
  EXPECT_TRUE(rule.is_duplicate(s));
  s.numbers_missing = 2;  // 20 % of the figures may be missing
  EXPECT_TRUE(rule.is_duplicate(s));
  s.numbers_missing = 5;  // templated reports differ in their figures
  EXPECT_FALSE(rule.is_duplicate(s));
  s.numbers_missing = 0;
  s.jaccard = 0.3;
  s.containment = 0.5;
  EXPECT_FALSE(rule.is_duplicate(s));
  s.jaccard = 0.5;  // the threshold itself is a match
  EXPECT_TRUE(rule.is_duplicate(s));
  s.jaccard = 0.3;
  s.containment = 0.8;
  s.shared = 8;
  EXPECT_TRUE(rule.is_duplicate(s));
  s.shared = 7;
  EXPECT_FALSE(rule.is_duplicate(s));
}

TEST(Similarity, ShortTemplatedTextsMustAgreeMoreAndInEveryFigure) {
  // Two dividend notices: "Qtly div 40 cts vs 40 cts prior / Pay May 15 / Record April 1"
  // against "... Record May 1": half their shingles agree, which long texts would accept.
  const DuplicateRule rule;
  Similarity s;
  s.smaller = 12;
  s.shared = 8;
  s.jaccard = 0.5;
  s.containment = 0.67;
  s.numbers = 4;
  EXPECT_FALSE(rule.is_duplicate(s));
  s.jaccard = 0.75;
  EXPECT_TRUE(rule.is_duplicate(s));
  s.numbers_missing = 1;  // "Record March 31" against "Record April 15"
  EXPECT_FALSE(rule.is_duplicate(s));
  // A short truncated copy wholly inside the full story still matches.
  s.numbers_missing = 0;
  s.jaccard = 0.3;
  s.containment = 1.0;
  s.shared = 12;
  EXPECT_TRUE(rule.is_duplicate(s));
}

TEST(Similarity, EqualLengthsCompareTheSameBothWays) {
  const std::vector<std::uint32_t> shingles_a = {1, 2, 3, 4}, shingles_b = {1, 2, 3, 5};
  const std::vector<std::uint32_t> numbers_a = {7}, numbers_b = {7, 8, 9};
  const Similarity ab = compare_shingles({shingles_a, numbers_a}, {shingles_b, numbers_b});
  const Similarity ba = compare_shingles({shingles_b, numbers_b}, {shingles_a, numbers_a});
  EXPECT_EQ(ab.numbers, ba.numbers);
  EXPECT_EQ(ab.numbers_missing, ba.numbers_missing);
  EXPECT_EQ(ab.numbers, 1u);
}

// The four-keys-a-step count against the one-key merge and the standard library, on pairs of
// random sets of every length up to a few blocks, sharing from none to all of their keys, with
// keys close together (long runs of one side) and far apart.
TEST(Similarity, CountSharedAgreesWithTheMerge) {
  std::mt19937 random(7);
  for (int round = 0; round < 4000; ++round) {
    const std::uint32_t spread = round % 2 == 0 ? 64 : 1u << 30;
    const std::uint32_t share_percent = static_cast<std::uint32_t>(round % 5) * 25;
    std::vector<std::uint32_t> a;
    std::vector<std::uint32_t> b;
    const std::size_t size_a = random() % 40;
    const std::size_t size_b = random() % 40;
    for (std::size_t k = 0; k < std::max(size_a, size_b); ++k) {
      const std::uint32_t key = static_cast<std::uint32_t>(random() % spread);
      const bool both = random() % 100 < share_percent;
      if (k < size_a) a.push_back(key);
      if (k < size_b && (both || k >= size_a)) b.push_back(key);
      if (k < size_b && !both && k < size_a) b.push_back(static_cast<std::uint32_t>(random() % spread));
    }
    for (auto* keys : {&a, &b}) {
      std::sort(keys->begin(), keys->end());
      keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
    }
    std::vector<std::uint32_t> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    ASSERT_EQ(count_shared_by_merge(a, b), common.size()) << "round " << round;
    ASSERT_EQ(count_shared(a, b), common.size()) << "round " << round;
    ASSERT_EQ(count_shared(b, a), common.size()) << "round " << round;
  }
}

}  // namespace
}  // namespace newsdedup
