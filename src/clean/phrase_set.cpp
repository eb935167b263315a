#include "clean/phrase_set.h"

#include <algorithm>

namespace newsdedup {
namespace {

std::uint32_t length_bit(std::string_view word) { return 1u << std::min<std::size_t>(word.size(), 31); }

}  // namespace

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < phrase.size();) {
      const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
      words.push_back(phrase.substr(start, end - start));
      start = end + 1;
    }
    if (words.front().empty()) continue;  // no phrase starts with a space
    first_word_lengths_[static_cast<unsigned char>(words.front().front())] |= length_bit(words.front());
    by_first_word_[words.front()].push_back(std::move(words));
  }
}

bool PhraseSet::matches(const LineShape& line) const {
  const auto& words = line.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    if (word.empty() || (first_word_lengths_[static_cast<unsigned char>(word.front())] & length_bit(word)) == 0) continue;
    const auto it = by_first_word_.find(word);
    if (it == by_first_word_.end()) continue;
    for (const auto& phrase : it->second) {
      if (i + phrase.size() > words.size()) continue;
      if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
  }
  return false;
}

}  // namespace newsdedup
