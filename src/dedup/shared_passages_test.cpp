#include "dedup/shared_passages.h"

#include <gtest/gtest.h>

namespace newsdedup {
namespace {

TEST(SharedPassages, FindsLongestCommonRunsFirst) {
  const std::string_view copy =
      "The central bank raised its main rate by a quarter point on Tuesday. Analysts were surprised. "
      "Inflation has stayed above the target for three years in a row.";
  const std::string_view original =
      "Inflation has stayed above the target for three years in a row, the bank said. "
      "THE CENTRAL BANK RAISED ITS MAIN RATE BY A QUARTER POINT ON TUESDAY, its first move since 2019.";
  const auto passages = shared_passages(copy, original, 5);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(passages[0].text, "The central bank raised its main rate by a quarter point on Tuesday");
  EXPECT_EQ(passages[0].words, 13u);
  EXPECT_EQ(passages[1].text, "Inflation has stayed above the target for three years in a row");
  EXPECT_EQ(shared_passages(copy, original, 1).size(), 1u);
}

TEST(SharedPassages, CanonicalWordsMatchAcrossAbbreviations) {
  const auto passages = shared_passages("Net profit rose to 12 mln dlrs in the year", "net profit rose to 12 million dollars", 3);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(passages[0].text, "Net profit rose to 12 mln dlrs");
}

TEST(SharedPassages, NothingSharedOrTooShort) {
  EXPECT_TRUE(shared_passages("one two three four five six", "seven eight nine ten eleven twelve", 3).empty());
  EXPECT_TRUE(shared_passages("one two three", "one two three", 3).empty());
  EXPECT_TRUE(shared_passages("", "", 3).empty());
}

}  // namespace
}  // namespace newsdedup
