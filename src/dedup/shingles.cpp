#include "dedup/shingles.h"

#include <xxhash.h>

#include <algorithm>
#include <array>

#include "text/dateline.h"
#include "text/word_tokens.h"

namespace newsdedup {
namespace {

std::uint64_t mix64(std::uint64_t x) {  // MurmurHash3's finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A paragraph wholly in parentheses is an editorial note ("(Updates with details in
// paragraph 5)", "(Corrects figure in paragraph 3)"): it varies between copies of one story.
bool is_editorial_note(std::string_view paragraph) {
  return paragraph.size() >= 2 && paragraph.front() == '(' && paragraph.back() == ')' &&
         paragraph.find(')') == paragraph.size() - 1;
}

// A figure is a run of digits, possibly with separators between digits ("2,877,000", "11.1").
void collect_figures(std::string_view text, std::vector<std::uint64_t>& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && (is_digit(text[i]) ||
                               ((text[i] == ',' || text[i] == '.') && i + 1 < text.size() && is_digit(text[i + 1]))))
      ++i;
    out.push_back(XXH3_64bits(text.data() + start, i - start));
  }
}

// The text that identifies a story: every paragraph but editorial notes, with the wire
// dateline cut from the first of them (a note may come before the dateline).
template <typename Visit>
void for_each_story_paragraph(std::string_view body, Visit visit) {
  bool first = true;
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    std::string_view paragraph = body.substr(start, end - start);
    start = end + 1;
    if (paragraph.empty() || is_editorial_note(paragraph)) continue;
    if (first) paragraph = strip_leading_dateline(paragraph);
    first = false;
    visit(paragraph);
  }
}

}  // namespace

ShingleSet shingle_body(std::string_view body) {
  ShingleSet set;
  std::vector<std::uint64_t> all_words;
  append_word_hashes(body, all_words);
  set.word_count = static_cast<std::uint32_t>(all_words.size());
  set.exact_hash = XXH3_64bits(all_words.data(), all_words.size() * sizeof(std::uint64_t));

  std::vector<std::uint64_t> words;
  words.reserve(all_words.size());
  for_each_story_paragraph(body, [&](std::string_view paragraph) {
    collect_figures(paragraph, set.numbers);
    append_word_hashes(paragraph, words);
  });
  std::sort(set.numbers.begin(), set.numbers.end());
  set.numbers.erase(std::unique(set.numbers.begin(), set.numbers.end()), set.numbers.end());
  if (words.empty()) return set;
  const std::size_t k = std::min(kShingleWords, words.size());
  set.hashes.reserve(words.size() - k + 1);
  for (std::size_t i = 0; i + k <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k; ++j) h = (h ^ words[i + j]) * 0x9E3779B97F4A7C15ULL + j;
    set.hashes.push_back(mix64(h));
  }
  std::sort(set.hashes.begin(), set.hashes.end());
  set.hashes.erase(std::unique(set.hashes.begin(), set.hashes.end()), set.hashes.end());
  return set;
}

}  // namespace newsdedup
