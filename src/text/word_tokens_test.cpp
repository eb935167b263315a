#include "text/word_tokens.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

std::vector<std::uint64_t> words(std::string_view text) {
  std::vector<std::uint64_t> out;
  append_word_hashes(text, out);
  return out;
}

std::uint64_t word(std::string_view text) {
  const auto hashes = words(text);
  EXPECT_EQ(hashes.size(), 1u) << text;
  return hashes.empty() ? 0 : hashes.front();
}

TEST(WordTokens, FoldsLetterCase) {
  EXPECT_EQ(words("Kremlin SAYS talks Frozen"), words("kremlin says TALKS frozen"));
  EXPECT_NE(word("kremlin"), word("kremlins"));
}

TEST(WordTokens, CanonicalisesWireAbbreviations) {
  EXPECT_EQ(word("mln"), word("million"));
  EXPECT_EQ(word("MLN"), word("million"));
  EXPECT_EQ(word("mn"), word("million"));
  EXPECT_EQ(word("bln"), word("billion"));
  EXPECT_EQ(word("dlrs"), word("dollars"));
  EXPECT_EQ(word("pct"), word("percent"));
  EXPECT_EQ(word("cts"), word("cents"));
  EXPECT_EQ(word("Shr"), word("share"));
  EXPECT_EQ(words("profit 5 mln dlrs up 3 pct"), words("profit 5 million dollars up 3 percent"));
  // Only whole words are canonicalised.
  EXPECT_NE(word("mlns"), word("million"));
  EXPECT_NE(word("pcts"), word("percent"));
  EXPECT_NE(word("million"), word("billion"));
}

TEST(WordTokens, FindsEveryAbbreviationInItsTable) {
  // Each abbreviation has a slot of its own in the lookup table; words packing near them miss.
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"mln", "million"}, {"mn", "million"},  {"bln", "billion"}, {"bn", "billion"},  {"dlrs", "dollars"},
      {"dlr", "dollar"},  {"pct", "percent"}, {"cts", "cents"},   {"shr", "share"},   {"shrs", "shares"},
      {"qtr", "quarter"}, {"yr", "year"},     {"avg", "average"}, {"govt", "government"}};
  for (const auto& [abbreviation, expansion] : pairs) EXPECT_EQ(word(abbreviation), word(expansion)) << abbreviation;
  EXPECT_NE(word("m"), word("million"));
  EXPECT_NE(word("yrs"), word("year"));
  EXPECT_NE(word("gov"), word("government"));
  EXPECT_EQ(words("").size(), 0u);
}

TEST(WordTokens, UnicodeLettersFormWordsInAnyScript) {
  EXPECT_EQ(words("Zürich Москва"), words("ZÜRICH МОСКВА"));
  EXPECT_EQ(words("Zürich").size(), 1u);
  EXPECT_NE(word("Zürich"), word("Zurich"));
  EXPECT_EQ(words("Москва заявила").size(), 2u);
  EXPECT_EQ(words("東京").size(), 1u);
  EXPECT_EQ(words("café au lait").size(), 3u);
}

TEST(WordTokens, PunctuationQuotesAndLineBreaksSplitWords) {
  EXPECT_EQ(words("\u201CWe don\u2019t,\u201D he said\u2014then left."), words("\"We don't,\" he said - then\nleft"));
  EXPECT_EQ(words("well-known U.S. state"), words("well known u s state"));
  EXPECT_EQ(words("2,877,000"), words("2 877 000"));
  EXPECT_EQ(words("\u2022 World | Business \u00BB Tech").size(), 3u);
  EXPECT_TRUE(words("... -- !? \u2014 \u00AB\u00BB").empty());
  EXPECT_TRUE(words("").empty());
}

TEST(WordTokens, AppendsAfterExistingHashes) {
  std::vector<std::uint64_t> out = {42};
  append_word_hashes("one two", out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], 42u);
  EXPECT_EQ(out[1], word("one"));
  EXPECT_NE(out[1], out[2]);
}

std::vector<std::uint64_t> general_path(std::string_view text) {  // word_spans() goes a character at a time
  std::vector<std::uint64_t> out;
  for (const WordSpan& span : word_spans(text)) out.push_back(span.hash);
  return out;
}

// Up to 119 pieces of `alphabet`.
std::string random_line(std::mt19937& random, const std::vector<std::string_view>& alphabet) {
  const std::size_t length = random() % 120;
  return random_text(random, alphabet, length);
}

// Text whose words are ASCII is tokenised 64 bytes at a time, any other text a character at a
// time: both must give the same hashes, whatever separators beyond ASCII (curly quotes, dashes,
// no-break spaces, a middle dot, a byte that is not UTF-8) stand between the words.
TEST(WordTokens, TextWithAsciiWordsHashesAsTheGeneralPathDoes) {
  std::mt19937 random(11);
  const std::vector<std::string_view> ascii = {"a", "Z", "m", "0", "9", " ", ".", "-", "'", "\n", "PCT", "mln"};
  std::vector<std::string_view> punctuated = ascii;
  for (std::string_view separator : {"\u201C", "\u2019", "\u2014", "\u00A0", "\u00B7", "\xFF"})
    punctuated.push_back(separator);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::string plain = random_line(random, ascii);
    ASSERT_EQ(words(plain), general_path(plain)) << plain;
    const std::string punctuation = random_line(random, punctuated);
    ASSERT_EQ(words(punctuation), general_path(punctuation)) << punctuation;
  }
  const std::string long_word(130, 'x');  // longer than a block, and than XXH3's short inputs
  EXPECT_EQ(words(long_word + " Mln"), general_path(long_word + " mln"));
  EXPECT_EQ(words("PCT"), words("percent"));
  EXPECT_EQ(words("\u201CNet\u201D \u2014 5 mln"), words("net 5 million"));
}

// A word with a letter beyond ASCII sends its text the general way, which keeps the letter.
TEST(WordTokens, LettersBeyondAsciiStayInTheirWords) {
  EXPECT_EQ(words("caf\u00E9 \u201Cnoir\u201D").size(), 2u);
  EXPECT_NE(word("caf\u00E9"), word("caf"));
  EXPECT_EQ(words("caf\u00C9 noir"), words("caf\u00E9 noir"));
}

// Words are found in blocks of 64 bytes, a word reaching into the next block left open until its
// end: words of every length from 1 to 150 bytes, starting at every offset of a block, written
// to a buffer of exactly max_words() hashes.
TEST(WordTokens, WordsAcrossBlocksHashAsTheGeneralPathDoes) {
  std::mt19937 random(12);
  for (std::size_t offset = 0; offset < 64; ++offset) {
    for (std::size_t length = 1; length <= 150; length += 1 + length / 8) {
      std::string text(offset, ' ');
      text += std::string(length, static_cast<char>('a' + length % 26));
      if (random() % 2) text += " Mln," + std::string(random() % 70, 'Q');
      if (random() % 2) text += '.';
      std::vector<std::uint64_t> written(max_words(text.size()));
      written.resize(write_word_hashes(text, written.data()));
      ASSERT_EQ(written, general_path(text)) << offset << " " << length;
    }
  }
  for (const std::string_view text : {"a", "a b", "ab", "a b c", ".", ""}) {
    std::vector<std::uint64_t> written(max_words(text.size()));
    written.resize(write_word_hashes(text, written.data()));
    EXPECT_EQ(written, general_path(text)) << text;
  }
}

// Every ASCII byte, next to letters of both cases and digits: the block pass's range tests
// (letters after setting bit 5, digits) must split and fold words as the byte loop does.
TEST(WordTokens, EveryAsciiByteSplitsOrJoinsAsTheGeneralPathDoes) {
  for (int byte = 1; byte < 0x80; ++byte) {
    const std::string text = "aZ" + std::string(1, static_cast<char>(byte)) + "Q9 x" + std::string(3, static_cast<char>(byte)) + "m";
    ASSERT_EQ(words(text), general_path(text)) << byte;
  }
}

bool ascii_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// One pass told where a text splits gives the words of the two parts hashed one after the
// other, the first part's count and the text's digits: random texts (ASCII, and with characters beyond it in
// either part) split at every byte that follows a separator, across blocks.
TEST(WordTokens, ASplitTextGivesTheWordsOfItsTwoParts) {
  std::mt19937 random(13);
  const std::vector<std::string_view> ascii = {"a", "Z", "m", "0", "9", " ", ".", "-", "\n", "PCT", "Mln", "word "};
  std::vector<std::string_view> beyond = ascii;
  for (std::string_view piece : {"\u201C", "\u2014", "caf\u00E9", "\xFF"}) beyond.push_back(piece);
  for (int trial = 0; trial < 600; ++trial) {
    const std::string text = random_text(random, trial % 3 == 0 ? beyond : ascii, random() % 60);
    for (std::size_t split = 0; split <= text.size(); ++split) {
      if (split > 0 && ascii_word_byte(text[split - 1])) continue;  // a word would cross it
      if (split > 0 && static_cast<unsigned char>(text[split - 1]) >= 0x80) continue;  // within a character
      std::vector<std::uint64_t> expected = general_path(text.substr(0, split));
      const std::size_t expected_before = expected.size();
      for (const std::uint64_t hash : general_path(text.substr(split))) expected.push_back(hash);
      std::vector<std::uint64_t> written(max_words(text.size()) + 1);
      std::size_t before = 0;
      std::vector<std::uint64_t> digits(text.size() / 64 + 1, ~std::uint64_t{0});
      written.resize(write_word_hashes(text, split, written.data(), before, digits.data()));
      ASSERT_EQ(written, expected) << text << " / " << split;
      ASSERT_EQ(before, expected_before) << text << " / " << split;
      std::vector<std::uint64_t> expected_digits(digits.size(), 0);
      for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] >= '0' && text[i] <= '9') expected_digits[i / 64] |= std::uint64_t{1} << (i % 64);
      ASSERT_EQ(digits, expected_digits) << text;
    }
  }
}

}  // namespace
}  // namespace newsdedup
