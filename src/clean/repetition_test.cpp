#include "clean/repetition.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string_view>
#include <vector>

namespace newsdedup {
namespace {

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

}  // namespace
}  // namespace newsdedup
