#include "text/byte_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace newsdedup {
namespace {

// A byte at a time, as the kernels' fallback does.
std::size_t characters_one_by_one(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Texts of every length up to past 255 blocks of 16 bytes, where the lane counts are added up.
TEST(ByteBlocks, CountsCharactersAndLowercasesAtAnyLength) {
  std::mt19937 random(3);
  const std::string pieces[] = {"A", "z", " ", "\u00E9", "\u2019", "\u6E2F", "Q7"};
  for (std::size_t length : {0, 1, 15, 16, 17, 63, 64, 65, 4079, 4080, 4081, 9000}) {
    std::string text;
    while (text.size() < length) text += pieces[random() % std::size(pieces)];
    std::string lower(text.size(), '\0');
    const ByteCounts counts = lowercase_ascii(text, lower.data());
    EXPECT_EQ(count_characters(text), characters_one_by_one(text)) << length;
    EXPECT_EQ(counts.characters, characters_one_by_one(text)) << length;
    std::string expected = text;
    for (char& c : expected)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    EXPECT_EQ(lower, expected) << length;
    const bool ascii = text.find_first_of("\xC3\xE2\xE6") == std::string::npos;
    EXPECT_EQ(counts.highest < 0x80, ascii) << length;
  }
}

}  // namespace
}  // namespace newsdedup
