#include "text/prefix_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

constexpr std::array kPrefixes = {"reporting by"sv, "re:"sv, "photo:"sv, "\u2022"sv, "- "sv, "ab"sv};

bool starts_with_any(std::string_view text) {
  return std::any_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) { return text.starts_with(p); });
}

TEST(PrefixList, FindsExactlyItsPrefixes) {
  static constexpr PrefixList kList{kPrefixes};
  EXPECT_TRUE(kList.starts("reporting by jane doe"));
  EXPECT_TRUE(kList.starts("re: the talks"));
  EXPECT_TRUE(kList.starts("\u2022 world"));
  EXPECT_TRUE(kList.starts("ab"));
  EXPECT_FALSE(kList.starts("reporting from the summit"));  // passes the table, matches no prefix
  EXPECT_FALSE(kList.starts("re"));
  EXPECT_FALSE(kList.starts("a"));
  EXPECT_FALSE(kList.starts(""));
  EXPECT_FALSE(kList.starts("Photo: x"));  // compared as bytes
  static_assert(kList.starts("photo: reuters"));
}

// The table's verdict agrees with a comparison against every prefix, on texts built from the
// prefixes' own bytes (so that many pass the table) and on random ones.
TEST(PrefixList, AgreesWithComparingEveryPrefix) {
  static constexpr PrefixList kList{kPrefixes};
  std::mt19937 random(7);
  std::string alphabet = "rephoto:byin ab-\xE2\x80\xA2\xC2\xB7";
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    if (i % 3 == 0) text = kPrefixes[random() % kPrefixes.size()].substr(0, random() % 14);
    const std::size_t extra = random() % 6;
    text += random_text(random, alphabet, extra);
    ASSERT_EQ(kList.starts(text), starts_with_any(text)) << text;
  }
}

}  // namespace
}  // namespace newsdedup
