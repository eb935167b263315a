#include "text/normalize.h"

#include <gtest/gtest.h>

namespace newsdedup {
namespace {

TEST(NormalizeText, FoldsLineEndingsAndSpaces) {
  EXPECT_EQ(normalize_text("a\r\nb\rc\n"), "a\nb\nc");
  EXPECT_EQ(normalize_text("  two\t\tspaces  here  \n"), "two spaces here");
}

TEST(NormalizeText, UnicodeSpacesBecomeAsciiAndZeroWidthDisappears) {
  EXPECT_EQ(normalize_text("no\u00A0break\u2003em"), "no break em");
  EXPECT_EQ(normalize_text("zero\u200Bwidth soft\u00ADhyphen"), "zerowidth softhyphen");
}

TEST(NormalizeText, ComposesToNfc) {
  EXPECT_EQ(normalize_text("Cafe\u0301"), "Caf\u00E9");
}

TEST(NormalizeText, KeepsBlankLinesBetweenParagraphs) {
  EXPECT_EQ(normalize_text("one\n \ntwo\n\n\n"), "one\n\ntwo");
}

}  // namespace
}  // namespace newsdedup
