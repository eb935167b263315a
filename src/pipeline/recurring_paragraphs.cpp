#include "pipeline/recurring_paragraphs.h"

#include <xxhash.h>

#include <algorithm>

namespace newsdedup {
namespace {

std::uint64_t paragraph_hash(std::string_view paragraph) { return XXH3_64bits(paragraph.data(), paragraph.size()); }

bool starts_lowercase_or_digit(std::string_view text) {
  return !text.empty() && ((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= '0' && text[0] <= '9'));
}

}  // namespace

RecurringParagraphs::RecurringParagraphs(std::filesystem::path folder, std::string name, std::uint64_t budget_bytes)
    : keys_(std::move(folder), std::move(name), budget_bytes) {}

std::vector<std::uint64_t> RecurringParagraphs::counted_paragraph_hashes(std::string_view body) {
  std::vector<std::string_view> paragraphs;
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t end = std::min(body.find("\n\n", start), body.size());
    paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  std::vector<std::uint64_t> hashes;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string_view paragraph = paragraphs[i];
    const auto words = static_cast<std::size_t>(std::count(paragraph.begin(), paragraph.end(), ' ')) + 1;
    const bool continued = i + 1 < paragraphs.size() && starts_lowercase_or_digit(paragraphs[i + 1]);
    if (words >= kMinWords && !paragraph.ends_with(",") && !continued) hashes.push_back(paragraph_hash(paragraph));
  }
  return hashes;
}

void RecurringParagraphs::add(std::span<const std::uint64_t> paragraph_hashes, std::uint32_t doc) {
  for (const std::uint64_t hash : paragraph_hashes) keys_.add({hash, doc});
}

void RecurringParagraphs::find(const std::function<std::uint32_t(std::uint32_t)>& story_of, std::size_t min_stories,
                               std::size_t documents) {
  affected_.assign(documents, false);
  std::vector<std::uint32_t> docs;     // the documents holding the paragraph being counted
  std::vector<std::uint32_t> stories;  // their stories
  std::uint64_t open = 0;
  auto close = [&] {
    stories.clear();
    for (std::uint32_t d : docs) stories.push_back(story_of(d));
    std::sort(stories.begin(), stories.end());
    const auto distinct = static_cast<std::size_t>(std::unique(stories.begin(), stories.end()) - stories.begin());
    if (distinct >= min_stories) {
      boilerplate_.insert(open);
      for (std::uint32_t d : docs) affected_[d] = true;
    }
    docs.clear();
  };
  keys_.merge([&](const ParagraphKey& key) {
    if (!docs.empty() && key.hash != open) close();
    open = key.hash;
    docs.push_back(key.doc);
  });
  if (!docs.empty()) close();
  documents_affected_ = static_cast<std::uint64_t>(std::count(affected_.begin(), affected_.end(), true));
}

bool RecurringParagraphs::is_boilerplate(std::string_view paragraph) const {
  return boilerplate_.contains(paragraph_hash(paragraph));
}

}  // namespace newsdedup
