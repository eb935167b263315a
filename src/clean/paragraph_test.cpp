#include "clean/paragraph.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdedup {
namespace {

TEST(Paragraph, SplitsLinesAndBlocks) {
  const SplitText split = split_paragraphs("Title line\n\nFirst line\nSecond line\n\n\nLast");
  ASSERT_EQ(split.lines.size(), 7u);
  EXPECT_EQ(split.lines[1], "");
  ASSERT_EQ(split.paragraphs.size(), 4u);
  EXPECT_EQ(split.paragraphs[0].text, "Title line");
  EXPECT_TRUE(split.paragraphs[0].starts_block);
  EXPECT_EQ(split.paragraphs[1].text, "First line");
  EXPECT_TRUE(split.paragraphs[1].starts_block);
  EXPECT_EQ(split.paragraphs[2].text, "Second line");
  EXPECT_FALSE(split.paragraphs[2].starts_block);
  EXPECT_EQ(split.paragraphs[3].text, "Last");
  EXPECT_EQ(split.paragraphs[3].first_line, 6u);
  EXPECT_EQ(split.paragraphs[3].last_line, 6u);
}

TEST(Paragraph, JoinsHardWrappedLines) {
  const SplitText split = split_paragraphs(
      "The central bank held its benchmark interest rate steady on\n"
      "Thursday, saying that inflation had eased more quickly than\n"
      "expected over the summer but that it wanted to see further\n"
      "evidence before cutting borrowing costs.\n"
      "Economists polled by Reuters had expected the decision, although\n"
      "a minority had forecast a cut.\n");
  ASSERT_EQ(split.paragraphs.size(), 2u);
  EXPECT_EQ(split.paragraphs[0].first_line, 0u);
  EXPECT_EQ(split.paragraphs[0].last_line, 3u);
  EXPECT_EQ(split.paragraphs[0].text,
            "The central bank held its benchmark interest rate steady on Thursday, saying that inflation had eased "
            "more quickly than expected over the summer but that it wanted to see further evidence before cutting "
            "borrowing costs.");
  EXPECT_EQ(split.paragraphs[1].first_line, 4u);
  EXPECT_EQ(split.paragraphs[1].last_line, 5u);
  EXPECT_FALSE(split.paragraphs[1].starts_block);
}

TEST(Paragraph, KeepsListsOfShortLinesApart) {
  const SplitText split = split_paragraphs(
      "Bank of Japan keeps policy unchanged as yen weakens\n"
      "Stocks rally as tech earnings beat forecasts\n"
      "Gold hits record high on rate cut bets\n");
  ASSERT_EQ(split.paragraphs.size(), 3u);
  EXPECT_EQ(split.paragraphs[1].text, "Stocks rally as tech earnings beat forecasts");
}

TEST(Paragraph, DoesNotJoinFullLinesThatDoNotEndLikeProse) {
  // Headlines of similar length look wrapped, but the block does not end like a sentence.
  const SplitText split = split_paragraphs(
      "Syria's Assad is in Moscow after deal on military bases, says Russian state\n"
      "US to work with partners in Syria to manage risk after Assad toppled, Biden\n"
      "Trump vows to pardon Jan. 6 defendants on Day One\n");
  EXPECT_EQ(split.paragraphs.size(), 3u);
}

TEST(Paragraph, EmptyAndBlankText) {
  EXPECT_TRUE(split_paragraphs("").paragraphs.empty());
  const SplitText blank = split_paragraphs("\n\n\n");
  EXPECT_TRUE(blank.paragraphs.empty());
  EXPECT_EQ(blank.lines.size(), 4u);
}

}  // namespace
}  // namespace newsdedup
