#include "dedup/shared_passages.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "dedup/shingles.h"
#include "text/word_tokens.h"

namespace newsdedup {
namespace {

std::uint64_t gram_hash(const std::vector<WordSpan>& words, std::size_t start) {
  std::uint64_t h = 0;
  for (std::size_t j = 0; j < kShingleWords; ++j) h = (h ^ words[start + j].hash) * 0x9E3779B97F4A7C15ULL + j;
  return h;
}

}  // namespace

std::vector<SharedPassage> shared_passages(std::string_view text, std::string_view other, std::size_t max_passages) {
  const std::vector<WordSpan> words = word_spans(text);
  const std::vector<WordSpan> other_words = word_spans(other);
  if (words.size() < kShingleWords || other_words.size() < kShingleWords) return {};
  std::unordered_set<std::uint64_t> other_grams;
  for (std::size_t i = 0; i + kShingleWords <= other_words.size(); ++i) other_grams.insert(gram_hash(other_words, i));

  std::vector<SharedPassage> passages;
  std::size_t run_start = 0;
  std::size_t run_grams = 0;
  auto close_run = [&] {
    if (run_grams == 0) return;
    const std::size_t last_word = run_start + run_grams + kShingleWords - 2;
    const std::size_t begin = words[run_start].begin;
    passages.push_back({text.substr(begin, words[last_word].end - begin), run_grams + kShingleWords - 1});
    run_grams = 0;
  };
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    if (other_grams.contains(gram_hash(words, i))) {
      if (run_grams == 0) run_start = i;
      ++run_grams;
    } else {
      close_run();
    }
  }
  close_run();
  std::stable_sort(passages.begin(), passages.end(),
                   [](const SharedPassage& a, const SharedPassage& b) { return a.words > b.words; });
  if (passages.size() > max_passages) passages.resize(max_passages);
  return passages;
}

}  // namespace newsdedup
