#include "clean/furniture_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

// The memo's verdict on one paragraph, looked up as a page of its own.
std::optional<RemovalReason> remembered_furniture(const LineShape& shape, std::string_view text) {
  const Paragraph paragraph{.text = text};
  PageFurniture page(std::span<const Paragraph>(&paragraph, 1));
  return page.verdict(0, shape);
}

// The remembered verdict is the verdict: the first time (computed), the second (remembered), and
// after many other paragraphs have taken slots.
TEST(FurnitureMemo, RemembersTheVerdictOfEachText) {
  std::vector<std::string> lines = {"Follow us on Twitter", "Home", "Reporting by Jane Doe; Editing by John Roe",
                                    "The minister said the talks would resume next week.", "ADVERTISEMENT",
                                    "Copyright 2024 Example News. All rights reserved.", "", "Photo: Reuters"};
  for (int i = 0; i < 70000; ++i) lines.push_back("Line number " + std::to_string(i) + " of a long page");
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : lines) {
      const LineShape shape = describe(text);
      ASSERT_EQ(remembered_furniture(shape, text), classify_furniture(shape, text)) << text;
    }
  }
}

// A page's paragraphs looked up together get the verdicts each gets alone, repeats and
// paragraphs too long for the memo included.
TEST(FurnitureMemo, LooksUpAPageAsItsParagraphsAlone) {
  const std::string long_paragraph = [] {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
    return text + "end.";
  }();
  const std::vector<std::string> texts = {"Home", "Follow us on Twitter", long_paragraph, "", "Home",
                                          "Photo: Reuters", "The minister said the talks would resume."};
  std::vector<Paragraph> paragraphs;
  std::vector<LineShape> shapes;
  for (const std::string& text : texts) {
    paragraphs.push_back(Paragraph{.text = text});
    shapes.push_back(describe(text));
  }
  for (int round = 0; round < 2; ++round) {
    PageFurniture page(paragraphs);
    for (std::size_t i = 0; i < texts.size(); ++i)
      EXPECT_EQ(page.verdict(i, shapes[i]), classify_furniture(shapes[i], texts[i])) << texts[i];
  }
}

// Before a paragraph is described, the memo knows it as furniture once it has seen the text, and
// then gives classify_furniture()'s verdict and the text's word count; it never knows paragraphs
// without a verdict, nor those it keeps no slot for (no words, or too many).
TEST(FurnitureMemo, KnowsFurnitureItHasSeenBeforeDescribing) {
  const std::string long_caption = [] {
    std::string text = "Photo: ";
    for (int i = 0; i < 45; ++i) {
      text += 'w';
      text += std::to_string(i);
      text += ' ';
    }
    return text + "(Reuters)";
  }();
  const std::vector<std::string> texts = {"Follow us on Twitter", "Home", "---", long_caption,
                                          "The minister said the talks would resume next week.", "Sign in"};
  std::vector<Paragraph> paragraphs;
  for (const std::string& text : texts) paragraphs.push_back(Paragraph{.text = text});
  for (int round = 0; round < 2; ++round) {
    PageFurniture page(paragraphs);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const LineShape shape = describe(texts[i]);
      const std::optional<RemovalReason> verdict = classify_furniture(shape, texts[i]);
      const std::optional<KnownFurniture> known = page.known_furniture(i);
      const bool remembered = shape.word_count() > 0 && shape.word_count() <= kMaxPhraseRuleWords;
      if (!verdict || !remembered) {
        EXPECT_FALSE(known.has_value()) << texts[i];
      } else if (round == 1 || known) {  // the first time, an earlier test may have shown it
        ASSERT_TRUE(known.has_value()) << texts[i];
        EXPECT_EQ(known->reason, *verdict) << texts[i];
        EXPECT_EQ(known->word_count, shape.word_count()) << texts[i];
      }
      EXPECT_EQ(page.verdict(i, shape), verdict) << texts[i];
    }
  }
}

}  // namespace
}  // namespace newsdedup
