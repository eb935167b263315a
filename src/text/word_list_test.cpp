#include "text/word_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

TEST(WordList, HoldsExactlyItsWords) {
  static constexpr WordList kList{std::array{"may"sv, "march"sv, "mon"sv, "skip to main content"sv}};
  EXPECT_TRUE(kList.contains("may"));
  EXPECT_TRUE(kList.contains("march"));
  EXPECT_TRUE(kList.contains("mon"));
  EXPECT_TRUE(kList.contains("skip to main content"));
  EXPECT_FALSE(kList.contains("mar"));    // a length and first byte of the list, another word
  EXPECT_FALSE(kList.contains("mayor"));  // a longer word
  EXPECT_FALSE(kList.contains("ma"));
  EXPECT_FALSE(kList.contains("day"));    // a length of the list, another first byte
  EXPECT_FALSE(kList.contains(""));
  EXPECT_FALSE(kList.contains("May"));    // compared as bytes
}

TEST(WordList, LongWordsShareOneLengthBit) {
  static constexpr WordList kList{std::array{"abcdefghijklmnopqrstuvwxyz0123456789"sv}};
  EXPECT_TRUE(kList.contains("abcdefghijklmnopqrstuvwxyz0123456789"));
  EXPECT_FALSE(kList.contains("abcdefghijklmnopqrstuvwxyz01234567"));  // also 31 or more bytes
  static_assert(kList.contains("abcdefghijklmnopqrstuvwxyz0123456789"));
}

// Entries are kept in order of first byte and only those sharing the word's first byte are
// compared: the verdict agrees with a comparison against every entry, for words of the list's
// shapes (many of one length and first byte) and others.
TEST(WordList, AgreesWithComparingEveryEntry) {
  static constexpr std::array kWords{"tue"sv, "thu"sv, "the"sv, "mar"sv, "may"sv, "mon"sv, "a"sv, "am"sv,
                                     "at"sv, "tues"sv, "thurs"sv, "sat"sv, "sun"sv, "sept"sv, "z"sv};
  static constexpr WordList kList{kWords};
  std::mt19937 random(3);
  const std::string alphabet = "tuehmaroyndspz";
  for (int i = 0; i < 100000; ++i) {
    const std::size_t length = random() % 6;
    const std::string word = random_text(random, alphabet, length);
    const bool listed = std::find(kWords.begin(), kWords.end(), std::string_view(word)) != kWords.end();
    ASSERT_EQ(kList.contains(word), listed) << word;
  }
  for (std::string_view word : kWords) EXPECT_TRUE(kList.contains(word)) << word;
}

}  // namespace
}  // namespace newsdedup
