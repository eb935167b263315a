#include "text/word_hash.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace newsdedup {
namespace {

// A word's hash is the same whatever follows it in memory, and whether it is hashed in place
// (word_hash_padded, as describe() does) or from a view (word_hash, as the tables do), at every
// length: the masked tail, the one-block and the many-block paths.
TEST(WordHash, DependsOnTheWordAloneAtEveryLength) {
  std::mt19937 random(7);
  for (std::size_t size = 0; size <= 80; ++size) {
    std::string word(size, ' ');
    for (char& c : word) c = static_cast<char>('a' + random() % 26);
    const std::uint64_t expected = word_hash(word);
    for (int trial = 0; trial < 4; ++trial) {
      std::vector<char> buffer(size + kWordHashPadding);
      for (char& c : buffer) c = static_cast<char>(random());
      std::copy(word.begin(), word.end(), buffer.begin());
      EXPECT_EQ(word_hash_padded(buffer.data(), size), expected) << size;
    }
  }
}

// The short-word path gives word_hash_padded()'s value at every length it takes, whatever
// follows the word.
TEST(WordHash, ShortWordsHashAsTheGeneralPathDoes) {
  std::mt19937 random(11);
  for (std::size_t size = 0; size <= 16; ++size) {
    for (int trial = 0; trial < 8; ++trial) {
      std::vector<char> buffer(size + kWordHashPadding);
      for (char& c : buffer) c = static_cast<char>(random());
      EXPECT_EQ(short_word_hash_padded(buffer.data(), size), word_hash_padded(buffer.data(), size)) << size;
    }
  }
}

// Words that differ in one byte, in their length only, or by a trailing zero byte hash apart.
TEST(WordHash, TellsCloseWordsApart) {
  std::set<std::uint64_t> hashes;
  std::size_t words = 0;
  for (std::size_t size = 0; size <= 40; ++size) {
    const std::string base(size, 'e');
    ++words;
    hashes.insert(word_hash(base));
    for (std::size_t at = 0; at < size; ++at) {
      std::string changed = base;
      changed[at] = 'f';
      ++words;
      hashes.insert(word_hash(changed));
    }
  }
  EXPECT_EQ(hashes.size(), words);
  EXPECT_NE(word_hash(std::string_view("a\0", 2)), word_hash("a"));
  EXPECT_NE(word_hash("the"), word_hash("The"));
}

}  // namespace
}  // namespace newsdedup
