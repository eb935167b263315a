#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>

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

// Found by fuzzing: a dropped character between a letter and its accent used to leave them
// uncomposed, so normalising twice gave a different text.
TEST(NormalizeText, ComposesAcrossDroppedCharacters) {
  EXPECT_EQ(normalize_text("Cafe\x08\u0301 cafe\u200B\u0301 na\u00ADi\u0308ve"), "Caf\u00E9 caf\u00E9 na\u00EFve");
  const std::string once = normalize_text("e\x01\u0301\u00A0x\u2028e\uFEFF\u0300");
  EXPECT_EQ(normalize_text(once), once);
}

TEST(NormalizeText, KeepsBlankLinesBetweenParagraphs) {
  EXPECT_EQ(normalize_text("one\n \ntwo\n\n\n"), "one\n\ntwo");
}

}  // namespace
}  // namespace newsdedup
