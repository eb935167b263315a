#include "clean/paragraph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

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

// split_paragraphs() as the rules read, without its shortcuts (the newline scan by blocks, the
// widths not counted for blocks of short lines, a first word counted only as far as it matters).
struct ReferenceParagraph {
  std::uint32_t first_line;
  std::uint32_t last_line;
  bool starts_block;
  std::string text;
};

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::vector<ReferenceParagraph> reference_split(std::string_view text, std::vector<std::string_view>& lines) {
  lines.clear();
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<ReferenceParagraph> paragraphs;
  const auto count = static_cast<std::uint32_t>(lines.size());
  for (std::uint32_t begin = 0; begin < count;) {
    if (lines[begin].empty()) {
      ++begin;
      continue;
    }
    std::uint32_t end = begin;
    while (end < count && !lines[end].empty()) ++end;
    std::size_t width = 0;
    for (std::uint32_t i = begin; i < end; ++i) width = std::max(width, characters(lines[i]));
    const auto broke = [&](std::uint32_t i) {
      const std::string_view next = lines[i + 1];
      return characters(lines[i]) + 1 + characters(next.substr(0, next.find(' '))) > width;
    };
    bool wrapped = end - begin >= 2 && width >= 40 && width <= 100;
    if (wrapped) {
      std::uint32_t breaks = 0;
      for (std::uint32_t i = begin; i + 1 < end; ++i) breaks += broke(i);
      wrapped = 2 * breaks >= end - begin - 1;
    }
    for (std::uint32_t i = begin; i < end;) {
      std::uint32_t last = i;
      if (wrapped) {
        while (last + 1 < end && broke(last)) ++last;
        if (!ends_like_prose(lines[last])) last = i;
      }
      std::string joined(lines[i]);
      for (std::uint32_t j = i + 1; j <= last; ++j) {
        joined += ' ';
        joined += lines[j];
      }
      paragraphs.push_back({i, last, i == begin, joined});
      i = last + 1;
    }
    begin = end;
  }
  return paragraphs;
}

// Expects split_paragraphs() to give `text` the lines and paragraphs of reference_split();
// returns how many of them join more than one line.
std::size_t expect_split_as_reference(const std::string& text) {
  std::vector<std::string_view> lines;
  const SplitText split = split_paragraphs(text);
  const std::vector<ReferenceParagraph> expected = reference_split(text, lines);
  EXPECT_EQ(split.lines, lines) << text;
  if (split.paragraphs.size() != expected.size()) {
    ADD_FAILURE() << split.paragraphs.size() << " paragraphs, not " << expected.size() << ": " << text;
    return 0;
  }
  std::size_t joined = 0;
  for (std::size_t p = 0; p < expected.size(); ++p) {
    joined += expected[p].last_line > expected[p].first_line;
    EXPECT_EQ(split.paragraphs[p].first_line, expected[p].first_line) << text;
    EXPECT_EQ(split.paragraphs[p].last_line, expected[p].last_line) << text;
    EXPECT_EQ(split.paragraphs[p].starts_block, expected[p].starts_block) << text;
    EXPECT_EQ(split.paragraphs[p].text, expected[p].text) << text;
  }
  return joined;
}

// Random pages of short and long lines (some near the wrap widths), words of ASCII, accented and
// Chinese characters, lines without spaces, blank lines and sentence endings: every line and
// paragraph agrees with the rules read plainly.
TEST(Paragraph, AgreesWithTheRulesReadPlainly) {
  std::mt19937 random(13);
  const std::vector<std::string> pieces = {"a", "bc", "def", "ghij", "klmnop", "\u00E9t\u00E9", "\u4E2D\u6587",
                                           "\u201Cquote\u201D", "said.", "end!", "(XYGP 1330)", "x:", "y;"};
  std::size_t joined = 0;  // paragraphs of more than one line: the wrapped case is exercised
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int line_count = static_cast<int>(random() % 12);
    const std::size_t target = 20 + random() % 90;  // about the width of this page's wrapped lines
    for (int l = 0; l < line_count; ++l) {
      if (random() % 5 == 0) {
        text += '\n';
        continue;
      }
      std::string line;
      const std::size_t length = random() % 3 == 0 ? random() % 130 : target - std::min(target, random() % 12);
      const bool spaces = random() % 8 != 0;
      while (characters(line) < length) {
        if (!line.empty() && spaces) line += ' ';
        line += pieces[random() % pieces.size()];
      }
      text += line;
      text += '\n';
    }
    if (random() % 2 == 0 && !text.empty()) text.pop_back();
    joined += expect_split_as_reference(text);
  }
  EXPECT_GT(joined, 100u);
}

// ASCII pages, whose wrap test finds a first word's end eight bytes at a time: first words of
// every length from 1 to 24 around the room left on the line before, and lines without spaces.
TEST(Paragraph, AsciiFirstWordsAgreeWithTheRulesReadPlainly) {
  std::mt19937 random(29);
  std::size_t joined = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int line_count = 2 + static_cast<int>(random() % 8);
    const std::size_t target = 40 + random() % 60;
    for (int l = 0; l < line_count; ++l) {
      std::string line(1 + random() % 24, static_cast<char>('a' + random() % 26));  // the first word
      const std::size_t length = random() % 4 == 0 ? random() % 110 : target - random() % 10;
      const bool spaces = random() % 8 != 0;
      while (line.size() < length) {
        if (spaces) line += ' ';
        line += std::string(1 + random() % 12, 'w');
      }
      if (random() % 3 == 0) line += '.';
      text += line;
      text += '\n';
    }
    joined += expect_split_as_reference(text);
  }
  EXPECT_GT(joined, 100u);
}

// A SplitText split into again, page after page, holds what a fresh one would: lines, paragraphs
// and joined text, whether the page is larger than those before (its buffers grow) or smaller.
TEST(Paragraph, ReusedSplitTextHoldsWhatAFreshOneHolds) {
  std::mt19937 random(17);
  const std::vector<std::string> pieces = {"a", "bc", "def", "ghij", "klmnop", "\u00E9t\u00E9", "\u4E2D\u6587",
                                           "\u201Cquote\u201D", "said.", "end!", "(XYGP 1330)", "x:", "y;"};
  SplitText reused;
  std::size_t joined = 0;
  for (int round = 0; round < 1000; ++round) {
    std::string text;
    const std::size_t line_count = random() % (round % 50 == 0 ? 300 : 15);
    const std::size_t target = 40 + random() % 60;
    for (std::size_t l = 0; l < line_count; ++l) {
      if (random() % 6 == 0) {
        text += '\n';
        continue;
      }
      std::string line;
      const std::size_t length = random() % 4 == 0 ? random() % 130 : target - random() % 8;
      while (characters(line) < length) {
        if (!line.empty()) line += ' ';
        line += pieces[random() % pieces.size()];
      }
      text += line;
      text += '\n';
    }
    const SplitText fresh = split_paragraphs(text);
    split_paragraphs(text, reused);
    ASSERT_EQ(reused.lines, fresh.lines) << text;
    ASSERT_EQ(reused.paragraphs.size(), fresh.paragraphs.size()) << text;
    for (std::size_t p = 0; p < fresh.paragraphs.size(); ++p) {
      joined += fresh.paragraphs[p].last_line > fresh.paragraphs[p].first_line;
      EXPECT_EQ(reused.paragraphs[p].first_line, fresh.paragraphs[p].first_line) << text;
      EXPECT_EQ(reused.paragraphs[p].last_line, fresh.paragraphs[p].last_line) << text;
      EXPECT_EQ(reused.paragraphs[p].starts_block, fresh.paragraphs[p].starts_block) << text;
      EXPECT_EQ(reused.paragraphs[p].text, fresh.paragraphs[p].text) << text;
    }
  }
  EXPECT_GT(joined, 100u);
}

}  // namespace
}  // namespace newsdedup
