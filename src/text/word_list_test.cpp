#include "text/word_list.h"

#include <gtest/gtest.h>


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

}  // namespace
}  // namespace newsdedup
