#include "clean/document_language.h"

#include <algorithm>
#include <array>
#include <memory_resource>

#include "clean/stack_arena.h"

namespace newsdedup {
namespace {

// Paragraphs this long are sentences; menus and headlines would only blur the vote.
constexpr std::size_t kVotingParagraphWords = 10;
// Running text in a listed language has 25-50% stop words; a page in an unlisted language hits
// a list only by accident (shared short words, names), well under this share.
constexpr double kMinStopWordShare = 0.08;

}  // namespace

std::optional<Language> profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip,
                                           std::span<std::uint32_t> stop_words) {
  StackArena<16384> arena;  // the counts of a page's worth of paragraphs without the heap
  std::pmr::vector<LanguageCounts> counts(paragraphs.size(), LanguageCounts{}, arena.resource());
  LanguageCounts votes{};
  LanguageCounts all{};
  std::size_t voting_words = 0;
  std::size_t all_words = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    if (!skip.empty() && skip[p] != 0) continue;
    // A shape's words lie in its zero-padded buffer (line_shape.h).
    count_padded_stop_words(paragraphs[p].words, paragraphs[p].word_hashes, paragraphs[p].plain_words, counts[p]);
    const bool votes_for_language = paragraphs[p].word_count() >= kVotingParagraphWords;
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language) {
      all[language] += counts[p][language];
      if (votes_for_language) votes[language] += counts[p][language];
    }
    all_words += paragraphs[p].word_count();
    if (votes_for_language) voting_words += paragraphs[p].word_count();
  }
  // A page of short lines only (a list, a table) votes with everything it has.
  if (voting_words == 0) {
    votes = all;
    voting_words = all_words;
  }
  std::size_t best = 0;
  for (std::size_t language = 1; language < kStopWordLanguageCount; ++language)
    if (votes[language] > votes[best]) best = language;
  if (voting_words == 0 || static_cast<double>(votes[best]) < kMinStopWordShare * static_cast<double>(voting_words)) {
    std::fill(stop_words.begin(), stop_words.end(), 0);
    return std::nullopt;
  }
  for (std::size_t p = 0; p < paragraphs.size(); ++p) stop_words[p] = counts[p][best];
  return static_cast<Language>(best);
}

StopWordProfile profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip) {
  StopWordProfile profile;
  profile.stop_words.assign(paragraphs.size(), 0);
  profile.language = profile_stop_words(paragraphs, skip, profile.stop_words);
  return profile;
}

}  // namespace newsdedup
