#include "text/normalize.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace newsdedup {
namespace {

// ASCII text as the rules say it comes out: space, tab, form feed and vertical tab runs become
// one space between kept characters, other control characters and DEL go, "\r\n" and "\r"
// end lines, lines lose their trailing spaces and the text its trailing breaks.
std::string normalized_ascii(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      pending_space = false;
    } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      pending_space = true;
    } else if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) {
      if (pending_space && !out.empty() && out.back() != '\n') out += ' ';
      pending_space = false;
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

// Runs of plain text are measured a block of bytes at a time: every kind of byte that ends a run,
// at every offset of a block.
TEST(NormalizeText, EndsCopiedRunsAtEveryOffset) {
  const std::string plain = "Reuters said on Monday: prices (up 3.5%) rose again.";
  for (const std::string_view stop : {"  ", "\t", " \n", "\x7F", "\x01", "\r\n", " ~", "~ "}) {
    for (std::size_t at = 0; at <= plain.size(); ++at) {
      std::string text = plain;
      text.insert(at, stop);
      EXPECT_EQ(normalize_text(text), normalized_ascii(text)) << "stop " << testing::PrintToString(std::string(stop)) << " at " << at;
    }
  }
}

// Runs longer than a block of 64 bytes, with spaces, breaks and control bytes at random places
// (block edges among them).
TEST(NormalizeText, RandomAsciiTextAsTheRulesSay) {
  std::mt19937 random(5);
  constexpr std::string_view kAlphabet = "abcdefgh.,  \t\n\r~\x7F\x01";
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text(random() % 400, ' ');
    for (char& c : text) c = random() % 4 == 0 ? kAlphabet[random() % kAlphabet.size()] : 'x';
    ASSERT_EQ(normalize_text(text), normalized_ascii(text)) << testing::PrintToString(text);
  }
}

// Pages of lines, as news text comes: words, single and double spaces, line breaks, blank lines,
// spaces at a line's ends, and characters beyond ASCII (a kept letter, a no-break space that
// becomes a space) that end a copied run. Whole paragraphs of ASCII are copied as one run,
// line breaks included: each piece at every place, compared with the rules read plainly.
TEST(NormalizeText, PagesOfLinesAsTheRulesSay) {
  // The rules with é kept and U+00A0 a space: é stands in as '#', which no piece holds.
  const auto normalized = [](std::string_view text) {
    std::string ascii;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text.substr(i).starts_with("\u00A0")) {
        ascii += ' ';
        ++i;
      } else if (text.substr(i).starts_with("\u00E9")) {
        ascii += '#';
        ++i;
      } else {
        ascii += text[i];
      }
    }
    std::string out;
    for (const char c : normalized_ascii(ascii)) {
      if (c == '#') {
        out += "\u00E9";
      } else {
        out += c;
      }
    }
    return out;
  };
  std::mt19937 random(17);
  const std::vector<std::string_view> pieces = {"word", "Reuters,", "(AP)", " ", " ", " ", "  ", "\n", "\n\n",
                                                " \n", "\n ", "\u00E9", "\u00A0", "\r\n", "x\u00E9y"};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const std::size_t count = random() % 120;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    ASSERT_EQ(normalize_text(text), normalized(text)) << testing::PrintToString(text);
  }
}

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

std::string utf8proc_nfc(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string nfc = n < 0 ? text : std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return nfc;
}

// Whether the output needs utf8proc is learnt from the characters as they are kept: texts of
// characters on both sides of each edge of the ranges that NFC leaves alone (U+02FF / U+0300,
// U+2001 / U+2002, U+207F / U+2080), with letters they compose with, come out in NFC.
TEST(NormalizeText, ComposesWheneverACharacterMayCompose) {
  const std::vector<std::string> pieces = {"e", "a ", "\u00E9", "\u02FF", "\u0300", "\u0301", "\u2001", "\u2002",
                                           "\u201C", "\u207F", "\u2080", "\u4E2D", "\u200B", "\n", "\u1100\u1161"};
  std::mt19937 random(17);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    const std::size_t count = 1 + random() % 6;
    for (std::size_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    const std::string out = normalize_text(text);
    ASSERT_EQ(out, utf8proc_nfc(out)) << testing::PrintToString(text);
  }
}

TEST(NormalizeText, KeepsBlankLinesBetweenParagraphs) {
  EXPECT_EQ(normalize_text("one\n \ntwo\n\n\n"), "one\n\ntwo");
}

}  // namespace
}  // namespace newsdedup

namespace newsdedup {
namespace {

TEST(Normalize, EndsVisibleRunsAtAnyOffset) {
  // Runs of visible ASCII are measured a block at a time; the first byte that ends one may
  // stand anywhere in a block.
  for (std::size_t run = 1; run < 20; ++run) {
    const std::string word(run, 'x');
    EXPECT_EQ(normalize_text(word + "\t\t" + word + "\u00E9" + word), word + " " + word + "\u00E9" + word) << run;
    EXPECT_EQ(normalize_text(word + "\r\n" + word), word + "\n" + word) << run;
  }
}

}  // namespace
}  // namespace newsdedup
