#include "clean/line_shape.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace newsdedup {
namespace {

std::vector<std::string> words_of(const LineShape& shape) { return {shape.words.begin(), shape.words.end()}; }

TEST(LineShape, WordsAreLowercasedViewsOfTheLine) {
  const LineShape shape = describe("Next In World, 2024!");
  EXPECT_EQ(words_of(shape), (std::vector<std::string>{"next", "in", "world", "2024"}));
  EXPECT_EQ(shape.capitalized_words, 3u);
  EXPECT_EQ(shape.digit_words, 1u);
  EXPECT_TRUE(shape.ends_with_sentence_punctuation);
}

// A short line's lowercased copy lives inside the object (small-string storage): the words
// must follow it to the copy, not keep pointing at the original. The original is overwritten
// after copying, so a stale view would show it.
TEST(LineShape, CopiesAndMovesKeepTheirOwnWords) {
  for (const char* line : {"Top Stories", "A much longer line than any small string buffer holds"}) {
    const std::vector<std::string> expected = words_of(describe(line));
    LineShape original = describe(line);
    const LineShape copied(original);
    LineShape assigned;
    assigned = original;
    LineShape moved(std::move(original));
    original.lower.assign(original.lower.size(), 'z');
    LineShape source = describe(line);
    LineShape move_assigned;
    move_assigned = std::move(source);
    source.lower.assign(source.lower.size(), 'z');
    for (const LineShape* shape : std::vector<const LineShape*>{&copied, &assigned, &moved, &move_assigned})
      EXPECT_EQ(words_of(*shape), expected) << line;
  }
}

TEST(LineShape, SurvivesVectorGrowth) {
  std::vector<LineShape> shapes;
  for (int i = 0; i < 100; ++i) shapes.push_back(describe("Item " + std::to_string(i)));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(words_of(shapes[static_cast<std::size_t>(i)]),
                                          (std::vector<std::string>{"item", std::to_string(i)}));
}

}  // namespace
}  // namespace newsdedup
