#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdedup {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF \xF4\x8F\xBF\xBF"));
  EXPECT_TRUE(is_valid_utf8(std::string("nul\0inside", 10)));
}

TEST(Utf8, RejectsIllFormedText) {
  for (const char* bad : {"\x80", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80",
                          "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
                          "abc\xC3", "abcdefghijklmnop\xE2\x82", "\xC3\x28"}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
  }
}

TEST(Utf8, ShortAndLongTextTakeTheSameVerdict) {
  // Up to 64 bytes, ASCII is accepted without simdjson; anything else still goes to it.
  for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 63u, 64u, 65u, 200u}) {
    std::string ascii(n, 'a');
    EXPECT_TRUE(is_valid_utf8(ascii)) << n;
    if (n == 0) continue;
    std::string bad = ascii;
    bad[n - 1] = '\xFF';
    EXPECT_FALSE(is_valid_utf8(bad)) << n;
    bad[n - 1] = '\x80';  // a lone continuation byte, in the byte-at-a-time tail or a block
    EXPECT_FALSE(is_valid_utf8(bad)) << n;
    bad[0] = '\xC3';
    bad[n - 1] = 'a';
    if (n >= 2) {
      bad[1] = '\xA9';  // é
      EXPECT_TRUE(is_valid_utf8(bad)) << n;
    }
  }
}

TEST(Utf8, RepairLeavesValidTextAlone) {
  std::string text = "caf\xC3\xA9 and more than eight bytes";
  const std::string before = text;
  EXPECT_EQ(repair_utf8(text), 0u);
  EXPECT_EQ(text, before);
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  // The example from Unicode 15, section 3.9 (U+FFFD substitution of maximal subparts).
  std::string text = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  EXPECT_EQ(repair_utf8(text), 6u);
  EXPECT_EQ(text, "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
}

TEST(Utf8, RepairSplitsSequencesThatCannotStart) {
  std::string overlong = "\xE0\x80\x80";  // E0 must be followed by A0..BF
  EXPECT_EQ(repair_utf8(overlong), 3u);
  EXPECT_EQ(overlong, kFffd + kFffd + kFffd);
  std::string surrogate = "x\xED\xA0\x80y";
  EXPECT_EQ(repair_utf8(surrogate), 3u);
  EXPECT_EQ(surrogate, "x" + kFffd + kFffd + kFffd + "y");
  std::string latin1 = "Fran\xE7" "ais, na\xEFve r\xE9sum\xE9";
  EXPECT_EQ(repair_utf8(latin1), 4u);
  EXPECT_EQ(latin1, "Fran" + kFffd + "ais, na" + kFffd + "ve r" + kFffd + "sum" + kFffd);
  EXPECT_TRUE(is_valid_utf8(latin1));
}

TEST(Utf8, RepairHandlesTruncatedSequenceAtEnd) {
  std::string text = "0123456789abcdef\xF0\x9F\x98";
  EXPECT_EQ(repair_utf8(text), 1u);
  EXPECT_EQ(text, "0123456789abcdef" + kFffd);
}

}  // namespace
}  // namespace newsdedup
