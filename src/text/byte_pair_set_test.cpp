#include "text/byte_pair_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

constexpr std::array kPairs = {"ph"sv, "eu"sv, "tt"sv, "/p"sv, "\xC2\xA9"sv};

bool holds_pair(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    for (std::string_view pair : kPairs)
      if (text.substr(i, 2) == pair) return true;
  return false;
}

TEST(BytePairSet, FindsItsPairsAnywhere) {
  static constexpr BytePairSet kSet{kPairs};
  EXPECT_TRUE(kSet.any_in("photo"));
  EXPECT_TRUE(kSet.any_in("a man walks past. reuters/file"));
  EXPECT_TRUE(kSet.any_in("the minister arrives at the summit in brussels. jane doe/pool"));
  EXPECT_TRUE(kSet.any_in("\xC2\xA9 2024"));
  EXPECT_FALSE(kSet.any_in("the minister arrives at the summit in brussels"));
  EXPECT_FALSE(kSet.any_in("p"));
  EXPECT_FALSE(kSet.any_in(""));
  EXPECT_FALSE(kSet.any_in("hp ue pt"));  // the bytes of pairs, in the wrong order
}

// Each length up to four blocks, with a pair (or none) at each place: the blocks, the last block
// that overlaps the one before, and the byte at a time path for short texts agree with a search
// of every position.
TEST(BytePairSet, AgreesWithASearchOfEveryPosition) {
  static constexpr BytePairSet kSet{kPairs};
  std::mt19937 random(11);
  const std::string alphabet = "phetu/o \xC2\xA9";
  for (std::size_t length = 0; length <= 70; ++length) {
    for (int round = 0; round < 400; ++round) {
      const std::string text = random_text(random, alphabet, length);
      ASSERT_EQ(kSet.any_in(text), holds_pair(text)) << text;
    }
    // One pair at each position of a text that otherwise holds none.
    for (std::size_t at = 0; at + 1 < length; ++at) {
      std::string text(length, 'x');
      text[at] = 't';
      text[at + 1] = 't';
      ASSERT_TRUE(kSet.any_in(text)) << length << " " << at;
      text[at + 1] = 'x';
      ASSERT_FALSE(kSet.any_in(text)) << length << " " << at;
    }
  }
}

}  // namespace
}  // namespace newsdedup
