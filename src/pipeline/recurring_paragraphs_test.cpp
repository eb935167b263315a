#include "pipeline/recurring_paragraphs.h"

#include <gtest/gtest.h>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

constexpr std::string_view kFurniture = "The Gazette is owned by its readers since 1901.";

void add_body(RecurringParagraphs& recurring, std::string_view body, std::uint32_t doc) {
  recurring.add(RecurringParagraphs::counted_paragraph_hashes(body), doc);
}

TEST(RecurringParagraphs, ParagraphsInManyStoriesAreBoilerplateNotThoseOfOneStory) {
  TestTempDir dir;
  RecurringParagraphs recurring(dir.path(), "paragraphs", 1 << 20);
  const std::string wire = "The central bank left its main rate unchanged at 4.5 percent on Tuesday.";
  // Documents 0..5 are six stories, each printed twice (story = doc / 2 below) with the same
  // wire paragraph in story 0's copies and the furniture line in every document.
  for (std::uint32_t doc = 0; doc < 12; ++doc) {
    std::string body = "Story number " + std::to_string(doc / 2) + " has its own opening sentence here.\n\n";
    if (doc / 2 == 0) body += wire + "\n\n";
    body += std::string(kFurniture);
    add_body(recurring, body, doc);
  }
  recurring.find([](std::uint32_t doc) { return doc / 2; }, 5, 12);
  EXPECT_TRUE(recurring.is_boilerplate(kFurniture));
  EXPECT_FALSE(recurring.is_boilerplate(wire));
  EXPECT_FALSE(recurring.is_boilerplate("Story number 0 has its own opening sentence here."));
  EXPECT_EQ(recurring.paragraphs_found(), 1u);
  EXPECT_EQ(recurring.documents_affected(), 12u);
  EXPECT_TRUE(recurring.affects(11));
  EXPECT_FALSE(recurring.affects(12));

  // Six copies of one story count as one story, however many documents hold the line.
  RecurringParagraphs one_story(dir.path(), "one", 1 << 20);
  for (std::uint32_t doc = 0; doc < 6; ++doc) add_body(one_story, kFurniture, doc);
  one_story.find([](std::uint32_t) { return 0u; }, 5, 6);
  EXPECT_FALSE(one_story.is_boilerplate(kFurniture));
  EXPECT_EQ(one_story.documents_affected(), 0u);
}

TEST(RecurringParagraphs, ShortLinesAndSentenceFragmentsAreNotCounted) {
  TestTempDir dir;
  RecurringParagraphs recurring(dir.path(), "paragraphs", 1 << 20);
  for (std::uint32_t doc = 0; doc < 6; ++doc)
    add_body(recurring,
             "Nine mths\n\nMoody's Investors Service Inc said it\n\ndowngraded the debt of company " +
                 std::to_string(doc) + ".\n\nIn a filing with the Securities and Exchange Commission,",
             doc);
  recurring.find([](std::uint32_t doc) { return doc; }, 5, 6);
  EXPECT_EQ(recurring.paragraphs_found(), 0u);
}

}  // namespace
}  // namespace newsdedup
