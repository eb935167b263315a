#include "text/byte_set.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsdedup
