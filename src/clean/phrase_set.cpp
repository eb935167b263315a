#include "clean/phrase_set.h"

#include <algorithm>
#include <cassert>

#include "text/word_hash.h"

namespace newsdedup {

PhraseSet PhraseSet::from_groups(std::initializer_list<std::initializer_list<std::string_view>> groups) {
  assert(groups.size() <= 32);
  PhraseSet set;
  std::uint32_t group_bit = 1u;
  for (const auto& group : groups) {
    for (std::string_view phrase : group) set.add(phrase, group_bit);
    group_bit <<= 1;
  }
  set.index();
  return set;
}

void PhraseSet::add(std::string_view phrase, std::uint32_t group_bit) {
  std::vector<std::string_view> words;
  std::vector<std::uint64_t> hashes;
  for (std::size_t start = 0; start < phrase.size();) {
    const std::size_t end = std::min(phrase.find(' ', start), phrase.size());
    words.push_back(phrase.substr(start, end - start));
    hashes.push_back(word_hash(words.back()));
    start = end + 1;
  }
  if (words.empty() || words.front().empty()) return;  // no phrase starts with a space
  std::size_t anchor = 0;
  for (std::size_t k = 1; k < words.size(); ++k)
    if (words[k].size() >= words[anchor].size()) anchor = k;
  const std::string_view word = words[anchor];
  const std::uint64_t hash = hashes[anchor];
  anchor_filter_[(hash >> 6) % anchor_filter_.size()] |= std::uint64_t{1} << (hash & 63);
  auto entry = std::find_if(anchors_.begin(), anchors_.end(), [&](const AnchorWord& e) { return e.word == word; });
  if (entry == anchors_.end()) entry = anchors_.insert(anchors_.end(), AnchorWord{word, hash, {}});
  entry->phrases.push_back({std::move(words), std::move(hashes), anchor, group_bit});
}

void PhraseSet::index() {
  const auto first_byte = [](const AnchorWord& e) { return static_cast<unsigned char>(e.word.front()); };
  std::stable_sort(anchors_.begin(), anchors_.end(),
                   [&](const AnchorWord& a, const AnchorWord& b) { return first_byte(a) < first_byte(b); });
  std::size_t at = 0;
  for (std::size_t byte = 0; byte <= 256; ++byte) {
    while (at < anchors_.size() && first_byte(anchors_[at]) < byte) ++at;
    first_byte_start_[byte] = static_cast<std::uint32_t>(at);
  }
}

std::uint32_t PhraseSet::groups_at(const LineShape& line, std::size_t i) const {
  const std::string_view word = line.words[i];
  const std::uint64_t hash = line.word_hashes[i];
  const unsigned char byte = static_cast<unsigned char>(word.front());
  std::uint32_t groups = 0;
  for (std::uint32_t e = first_byte_start_[byte]; e < first_byte_start_[byte + 1]; ++e) {
    const AnchorWord& entry = anchors_[e];
    if (entry.hash != hash || entry.word != word) continue;
    for (const Phrase& phrase : entry.phrases) {
      const std::size_t length = phrase.words.size();
      if (i < phrase.anchor || i - phrase.anchor + length > line.words.size()) continue;
      const std::size_t start = i - phrase.anchor;
      bool occurs = true;
      for (std::size_t k = 0; k < length && occurs; ++k)
        occurs = k == phrase.anchor ||
                 (phrase.word_hashes[k] == line.word_hashes[start + k] && phrase.words[k] == line.words[start + k]);
      if (occurs) groups |= phrase.group_bit;
    }
    break;  // anchors are distinct
  }
  return groups;
}

std::uint32_t PhraseSet::groups_in(const LineShape& line) const {
  std::uint32_t groups = 0;
  const std::size_t count = line.word_hashes.size();
  for (std::size_t i = 0; i < count; ++i)
    if (may_anchor_phrase(line.word_hashes[i])) groups |= groups_at(line, i);
  return groups;
}

}  // namespace newsdedup
