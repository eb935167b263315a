#include "text/byte_blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

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

// Texts of every length around the blocks' ends: a bit for each digit, none past the text.
TEST(ByteBlocks, MarksDigitsInBlocksOf64) {
  std::mt19937 random(7);
  for (std::size_t length = 0; length <= 200; ++length) {
    std::string text;
    constexpr std::string_view kBytes = "a0/9:\xC3\xA9 5";
    while (text.size() < length) text += kBytes[random() % kBytes.size()];
    std::vector<std::uint64_t> masks(length / 64 + 1, ~std::uint64_t{0});
    digit_masks(text, masks.data());
    for (std::size_t i = 0; i < 64 * masks.size(); ++i) {
      const bool digit = i < text.size() && text[i] >= '0' && text[i] <= '9';
      EXPECT_EQ((masks[i / 64] >> (i % 64)) & 1, digit ? 1u : 0u) << length << " at " << i;
    }
  }
}

#if defined(__SSE2__)
// Every byte against ranges at both ends of the signed and unsigned orders.
TEST(ByteBlocks, FindsBytesInARange) {
  for (const auto& [low, count] : {std::pair{'A', 26}, std::pair{'0', 10}, std::pair{'\0', 1}, std::pair{'\xF0', 16}}) {
    for (int block = 0; block < 16; ++block) {
      alignas(16) unsigned char bytes[16];
      for (int lane = 0; lane < 16; ++lane) bytes[lane] = static_cast<unsigned char>(16 * block + lane);
      const __m128i in = bytes_in_range(_mm_load_si128(reinterpret_cast<const __m128i*>(bytes)), low, count);
      const int mask = _mm_movemask_epi8(in);
      for (int lane = 0; lane < 16; ++lane) {
        const int offset = bytes[lane] - static_cast<unsigned char>(low);
        EXPECT_EQ((mask >> lane) & 1, offset >= 0 && offset < count ? 1 : 0) << int{bytes[lane]};
      }
    }
  }
}
#endif

}  // namespace
}  // namespace newsdedup
