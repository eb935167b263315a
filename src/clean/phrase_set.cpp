#include "clean/phrase_set.h"

#include <algorithm>

namespace newsdedup {

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases) {
  for (std::string_view phrase : phrases) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < phrase.size();) {
      const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
      words.push_back(phrase.substr(start, end - start));
      start = end + 1;
    }
    by_first_word_[words.front()].push_back(std::move(words));
  }
}

bool PhraseSet::matches(const LineShape& line) const {
  const auto& words = line.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = by_first_word_.find(words[i]);
    if (it == by_first_word_.end()) continue;
    for (const auto& phrase : it->second) {
      if (i + phrase.size() > words.size()) continue;
      if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) return true;
    }
  }
  return false;
}

}  // namespace newsdedup
