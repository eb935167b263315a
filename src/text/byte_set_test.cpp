#include "text/byte_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

TEST(ByteSet, FindsAnyOfItsBytesIncludingHighOnes) {
  constexpr ByteSet bar("|>\xBB");
  EXPECT_TRUE(bar.any_in("Home | World"));
  EXPECT_TRUE(bar.any_in("News \xC2\xBB Europe"));  // the last byte of »
  EXPECT_FALSE(bar.any_in("An ordinary sentence, with commas."));
  EXPECT_FALSE(bar.any_in(""));
  EXPECT_TRUE(bar.contains('>'));
  EXPECT_FALSE(bar.contains('<'));
}

// Sets of up to eight bytes scan 16 bytes at a time (SSE2), larger ones a byte at a time: both
// agree with a search for each member, at every length and place, and in constant evaluation.
TEST(ByteSet, AgreesWithASearchForEachMember) {
  constexpr std::string_view kSmall = "|>/\xBA\xBB";
  constexpr std::string_view kLarge = ".,;:!?\"()";
  constexpr ByteSet small(kSmall);
  constexpr ByteSet large(kLarge);
  static_assert(small.any_in("a / b") && !small.any_in("a b"));
  std::mt19937 random(5);
  const std::string alphabet = "abc |>/.,;:!?\"()\xBA\xBB\xC2";
  for (std::size_t length = 0; length <= 70; ++length) {
    for (int round = 0; round < 300; ++round) {
      const std::string text = random_text(random, alphabet, length);
      ASSERT_EQ(small.any_in(text), text.find_first_of(kSmall) != std::string::npos) << text;
      ASSERT_EQ(large.any_in(text), text.find_first_of(kLarge) != std::string::npos) << text;
    }
    for (std::size_t at = 0; at < length; ++at) {
      std::string text(length, 'x');
      text[at] = '\xBB';
      ASSERT_TRUE(small.any_in(text)) << length << " " << at;
    }
    ASSERT_FALSE(small.any_in(std::string(length, 'x')));
  }
}

}  // namespace
}  // namespace newsdedup
