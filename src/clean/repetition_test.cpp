#include "clean/repetition.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace newsdedup {
namespace {

// The later copies' indices among `candidates`.
std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes, const std::vector<std::size_t>& candidates) {
  std::vector<std::size_t> out;
  for (const RepeatedParagraph& copy : find_repeated_copies(shapes, candidates))
    out.push_back(copy.index);
  return out;
}

std::vector<std::size_t> repeated_in(std::initializer_list<std::string_view> paragraphs) {
  std::vector<LineShape> shapes;
  for (std::string_view p : paragraphs) shapes.push_back(describe(p));
  std::vector<std::size_t> all(shapes.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return find_repeated(shapes, all);
}

using Indices = std::vector<std::size_t>;

TEST(Repetition, LaterCopyOfALongParagraphIsRepeatedFirstIsKept) {
  EXPECT_EQ(repeated_in({"The minister said the talks would resume next week in Geneva.", "Other news here today.",
                         "The minister said the talks would resume next week in Geneva."}),
            Indices{2});
}

TEST(Repetition, ComparesWordsIgnoringCaseAndPunctuation) {
  EXPECT_EQ(repeated_in({"\u201CWe are ready,\u201D the minister said on Monday.",
                         "\"we are ready\" - THE MINISTER SAID ON MONDAY"}),
            Indices{1});
}

TEST(Repetition, ShortParagraphAloneIsNotRepetitionButARunIs) {
  // A table's recurring "Year" / "Net" rows are not repetition...
  EXPECT_EQ(repeated_in({"Year", "Shr 19 cts vs 10 cts", "Year", "Shr 68 cts vs 46 cts"}), Indices{});
  // ...but two or more consecutive short repeats are a repeated passage.
  EXPECT_EQ(repeated_in({"Home", "World", "Story text goes here at length.", "Home", "World"}), (Indices{3, 4}));
}

TEST(Repetition, OnlyCandidatesTakePart) {
  std::vector<LineShape> shapes;
  for (std::string_view p : {"A long paragraph that repeats itself word for word.", "Something else entirely.",
                             "A long paragraph that repeats itself word for word."})
    shapes.push_back(describe(p));
  // Paragraph 0 was removed earlier (not a candidate): the copy at 2 is the first one left.
  EXPECT_EQ(find_repeated(shapes, {1, 2}), Indices{});
  EXPECT_EQ(find_repeated(shapes, {0, 1, 2}), Indices{2});
  EXPECT_EQ(find_repeated(shapes, {}), Indices{});
}

TEST(Repetition, DistinctParagraphsAndEmptyShapesAreNotRepeated) {
  EXPECT_EQ(repeated_in({"First paragraph of the story is here.", "Second paragraph of the story is here.", "",
                         "", "Third paragraph of the story is here."}),
            Indices{});
}

std::vector<RepeatedRun> runs_in(const std::vector<LineShape>& shapes) {
  std::vector<std::size_t> all(shapes.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return find_repeated_runs(shapes, all);
}

constexpr std::string_view kBody =
    "The ferry left the harbour at dawn on Monday, carrying forty passengers and a cargo of timber, and the "
    "crew said it would be back before the storm reached the northern coast late in the evening.";

TEST(Repetition, BodyPrintedTwiceOnOneLineLosesItsSecondCopy) {
  const std::string line = std::string(kBody) + " " + std::string(kBody);
  std::vector<LineShape> shapes;
  shapes.push_back(describe(line));
  const auto runs = runs_in(shapes);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].paragraph, 0u);
  EXPECT_EQ(runs[0].source, 0u);
  EXPECT_EQ(runs[0].begin, kBody.size() + 1);
  EXPECT_EQ(runs[0].end, line.size());
  EXPECT_EQ(line.substr(0, runs[0].begin - 1), kBody);  // the first copy stays whole
}

TEST(Repetition, ParagraphsPrintedAgainAsOneLine) {
  const std::string_view second =
      "Port officials said the timetable for the rest of the week would depend on the wind, which was "
      "expected to ease by Wednesday morning according to the regional forecast.";
  std::vector<LineShape> shapes;
  shapes.push_back(describe(kBody));
  shapes.push_back(describe(second));
  shapes.push_back(describe("Share this article"));
  shapes.push_back(describe(std::string(kBody) + " " + std::string(second)));
  const auto runs = runs_in(shapes);
  ASSERT_FALSE(runs.empty());
  std::size_t words = 0;
  for (const RepeatedRun& run : runs) {
    EXPECT_EQ(run.paragraph, 3u);
    EXPECT_LT(run.source, 2u);
    words += run.end_word - run.first_word;
  }
  EXPECT_EQ(words, shapes[3].word_count());  // all of it is a copy
}

TEST(Repetition, ShortRepeatsAreNotRuns) {
  // A 12-word phrase said twice (a quotation taken up again) is not a copy.
  std::vector<LineShape> shapes;
  shapes.push_back(describe("\"We will be back before the storm reaches the coast tonight,\" the captain said on the radio."));
  shapes.push_back(describe("Hours later the crew repeated it: we will be back before the storm reaches the coast tonight."));
  EXPECT_TRUE(runs_in(shapes).empty());
  EXPECT_TRUE(runs_in({}).empty());
}

}  // namespace
}  // namespace newsdedup
