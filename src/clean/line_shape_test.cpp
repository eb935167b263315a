#include "clean/line_shape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "text/test_random_text.h"
#include "text/word_hash.h"

namespace newsdedup {
namespace {

TEST(LineShape, WordsCountsAndEnding) {
  const LineShape shape = describe("The Ferry left at 6 am.");
  ASSERT_EQ(shape.word_count(), 6u);
  EXPECT_EQ(shape.words[0], "the");
  EXPECT_EQ(shape.capitalized_words, 2u);
  EXPECT_EQ(shape.digit_words, 1u);
  EXPECT_TRUE(shape.ends_with_sentence_punctuation);
  EXPECT_TRUE(shape.starts_upper);
}

TEST(LineShape, EachWordHasItsHashAndPlainnessIsKnown) {
  const LineShape shape = describe("Ships Sail, ships sail.");
  ASSERT_EQ(shape.word_hashes.size(), 4u);
  EXPECT_EQ(shape.word_hashes[0], word_hash("ships"));
  EXPECT_EQ(shape.word_hashes[0], shape.word_hashes[2]);
  EXPECT_EQ(shape.word_hashes[1], shape.word_hashes[3]);
#if defined(__SSE2__)
  EXPECT_TRUE(shape.plain_words);  // found by the 64-byte path only: false is always safe
#endif
  EXPECT_FALSE(describe("The ship's captain").plain_words);
  EXPECT_FALSE(describe("Caf\u00E9 open").plain_words);
}

TEST(LineShape, TypographicApostropheStaysInsideAWord) {
  const LineShape shape = describe("Don\u2019t say \u2018never\u2019");
  ASSERT_EQ(shape.word_count(), 3u);
  EXPECT_EQ(shape.words[0], "don\u2019t");
  EXPECT_EQ(shape.words[2], "never");  // a closing quote is not part of the word
}

TEST(LineShape, SentenceEndingsIncludeEllipsisAndCjkStops) {
  EXPECT_TRUE(describe("And then\u2026").ends_with_sentence_punctuation);
  EXPECT_TRUE(describe("\u6E2F\u3002").ends_with_sentence_punctuation);
  EXPECT_TRUE(describe("\u00ABIl est parti.\u00BB").ends_with_sentence_punctuation);
  EXPECT_FALSE(describe("Harbour reopens").ends_with_sentence_punctuation);
}

TEST(LineShape, WeightedLengthCountsCharactersAndWideScripts) {
  EXPECT_EQ(describe("caf\u00E9").weighted_length, 4u);
  EXPECT_EQ(describe("\u6E2F\u6E2F").weighted_length, 6u);  // Han: 3 each
  EXPECT_EQ(describe("\uD56D\uAD6C").weighted_length, 4u);  // Hangul: 2 each
}

TEST(LineShape, CopiesAndMovesKeepTheirWordsValid) {
  // Short texts live inside the string object itself: a moved shape must re-point its words.
  std::vector<LineShape> shapes;
  for (int i = 0; i < 50; ++i) shapes.push_back(describe("Short line " + std::to_string(i)));
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(shapes[static_cast<std::size_t>(i)].word_count(), 3u);
    EXPECT_EQ(shapes[static_cast<std::size_t>(i)].words[2], std::to_string(i));
    EXPECT_GE(shapes[static_cast<std::size_t>(i)].words[0].data(), shapes[static_cast<std::size_t>(i)].lower.data());
  }
  LineShape copy = shapes[7];
  shapes.clear();
  EXPECT_EQ(copy.words[1], "line");
  LineShape moved = std::move(copy);
  EXPECT_EQ(moved.words[2], "7");
}

std::vector<std::string> words_of(const LineShape& shape) {
  return {shape.words.begin(), shape.words.end()};
}

TEST(LineShape, SurvivesVectorGrowth) {
  std::vector<LineShape> shapes;
  for (int i = 0; i < 100; ++i) shapes.push_back(describe("Item " + std::to_string(i)));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(words_of(shapes[static_cast<std::size_t>(i)]),
                                          (std::vector<std::string>{"item", std::to_string(i)}));
}

// Lines whose words are ASCII are split 64 bytes at a time, others a byte at a time: both must
// find the same words, whatever separators beyond ASCII (led by 0xC2 or 0xE2: no-break spaces,
// middle dots, curly quotes, dashes) stand between them, and a right single quote inside a word
// keeps it whole. A final " é" (a letter beyond ASCII) sends a line the general way.
TEST(LineShape, AsciiWordsAreTheWordsOfTheGeneralPath) {
  std::mt19937 random(7);
  const std::vector<std::string_view> alphabet = {"a", "Z", "k", "0", "9", "'", " ", ".", "-", "\"", "(",
                                                  "\u00A0", "\u00B7", "\u201C", "\u2019", "\u2014"};
  for (int trial = 0; trial < 4000; ++trial) {
    const std::size_t length = random() % 150;
    const std::string line = random_text(random, alphabet, length);
    const LineShape fast = describe(line);
    LineShape general = describe(line + " \u00E9");
    ASSERT_FALSE(general.words.empty());
    ASSERT_EQ(general.words.back(), "\u00E9");
    general.words = general.words.first(general.words.size() - 1);
    general.word_hashes = general.word_hashes.first(general.word_hashes.size() - 1);
    ASSERT_EQ(words_of(fast), words_of(general)) << line;
    EXPECT_TRUE(std::ranges::equal(fast.word_hashes, general.word_hashes)) << line;
    EXPECT_EQ(fast.capitalized_words, general.capitalized_words) << line;
    EXPECT_EQ(fast.digit_words, general.digit_words) << line;
    EXPECT_EQ(fast.alphabetic_words, general.alphabetic_words - 1) << line;
  }
}

TEST(LineShape, WordsAcrossBlocksOfSixtyFourBytes) {
  const std::string word(63, 'a');
  const LineShape shape = describe("''" + word + "'s " + std::string(62, '\'') + "'x " + word + word);
  ASSERT_EQ(shape.word_count(), 3u);
  EXPECT_EQ(shape.words[0], word + "'s");
  EXPECT_EQ(shape.words[1], "x");
  EXPECT_EQ(shape.words[2], word + word);
}

// A line's weighted length is learnt from its bytes only when it holds some beyond ASCII (else
// it is its size): it must be the characters, a Han, kana or fullwidth one counting 3 and a
// Hangul one 2, whatever the line's length and mix.
TEST(LineShape, WeightedLengthCountsCharactersByScript) {
  std::mt19937 random(5);
  const std::vector<std::pair<std::string_view, std::size_t>> alphabet = {
      {"a", 1}, {"Z", 1}, {" ", 1}, {"7", 1}, {"'", 1}, {"\u00E9", 1}, {"\u00A0", 1}, {"\u2014", 1},
      {"\u0416", 1}, {"\u4E2D", 3}, {"\u30A2", 3}, {"\uFF21", 3}, {"\uD55C", 2}, {"\u1100", 2}, {"\U0001F600", 1}};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string line;
    std::size_t expected = 0;
    const bool ascii = random() % 2 == 0;
    const std::size_t length = random() % 8 == 0 ? random() % 3000 : random() % 200;
    for (std::size_t n = 0; n < length; ++n) {
      const auto& [character, weight] = alphabet[random() % (ascii ? 5 : alphabet.size())];
      line += character;
      expected += weight;
    }
    EXPECT_EQ(describe(line).weighted_length, expected) << line;
  }
}

// A light shape has describe()'s lowercased text (with its padding of zeros), word count, sentence
// end, first letter and weighted length, whatever the script, the line's length and the shape it
// reuses (one shape goes from light to full and back, longer lines and shorter).
TEST(LineShape, LightShapeAgreesWithTheFullOneOnWhatItHolds) {
  std::mt19937 random(11);
  const std::vector<std::string_view> alphabet = {"a", "Z", "k", "Q", "0", "'", " ", " ", ".", "!", ":", "\"",
                                                  ")", "é", "É", " ", "’", "”", "—",
                                                  "中", "한", "Ж", "。", "…"};
  LineShape reused;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t length = random() % 8 == 0 ? random() % 400 : random() % 60;
    const std::string line = random_text(random, alphabet, length);
    const LineShape full = describe(line);
    if (trial % 3 == 0) describe(random_text(random, alphabet, random() % 200), reused);
    describe_light(line, full.word_count(), reused);
    ASSERT_EQ(reused.lower, full.lower) << line;
    EXPECT_EQ(std::string(reused.lower.data() + reused.lower.size(), 64), std::string(64, '\0')) << line;
    EXPECT_EQ(reused.word_count(), full.word_count()) << line;
    EXPECT_TRUE(reused.words.empty());
    EXPECT_TRUE(reused.word_hashes.empty());
    EXPECT_EQ(reused.ends_with_sentence_punctuation, full.ends_with_sentence_punctuation) << line;
    EXPECT_EQ(reused.starts_upper, full.starts_upper) << line;
    EXPECT_EQ(reused.weighted_length, full.weighted_length) << line;
  }
}

}  // namespace
}  // namespace newsdedup
