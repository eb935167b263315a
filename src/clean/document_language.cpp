#include "clean/document_language.h"

#include <algorithm>
#include <array>
#include <memory_resource>
#include <utility>

#include "clean/stack_arena.h"

namespace newsdedup {
namespace {

// Paragraphs this long are sentences; menus and headlines would only blur the vote.
constexpr std::size_t kVotingParagraphWords = 10;
// Running text in a listed language has 25-50% stop words; a page in an unlisted language hits
// a list only by accident (shared short words, names), well under this share.
constexpr double kMinStopWordShare = 0.08;

// Sums over a page of paragraphs' counts in bytes, one per language: they are added in 16-bit
// lanes (even and odd languages apart), all languages with two additions, and moved to 32-bit
// totals before a lane could overflow. A paragraph's count in a language is at most its word
// count, so words added since the last move bound every lane.
class LaneSums {
 public:
  void add(std::uint64_t lanes, std::size_t words) {
    if (pending_words_ + words > 0xFFFF) move_to_totals();
    pending_words_ += words;
    even_ += lanes & kEvenBytes;
    odd_ += (lanes >> 8) & kEvenBytes;
  }
  void add(const LanguageCounts& counts) {
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language) totals_[language] += counts[language];
  }
  const LanguageCounts& totals() {
    move_to_totals();
    return totals_;
  }

 private:
  static constexpr std::uint64_t kEvenBytes = 0x00FF00FF00FF00FF;

  void move_to_totals() {
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
      totals_[language] +=
          static_cast<std::uint32_t>(((language % 2 == 0 ? even_ : odd_) >> (16 * (language / 2))) & 0xFFFF);
    even_ = odd_ = 0;
    pending_words_ = 0;
  }

  LanguageCounts totals_{};
  std::uint64_t even_ = 0;
  std::uint64_t odd_ = 0;
  std::size_t pending_words_ = 0;
};

}  // namespace

std::optional<Language> profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip,
                                           std::span<std::uint32_t> stop_words) {
  StackArena<16384> arena;  // the counts of a page's worth of paragraphs without the heap
  // Per paragraph: its counts, one byte per language; those of a paragraph of more words than a
  // byte counts are in `long_counts` instead.
  std::pmr::vector<std::uint64_t> lanes(paragraphs.size(), 0, arena.resource());
  std::pmr::vector<std::pair<std::size_t, LanguageCounts>> long_counts(arena.resource());
  const StopWordLaneCounter count_lanes;
  LaneSums votes;
  LaneSums all;
  std::size_t voting_words = 0;
  std::size_t all_words = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    if (!skip.empty() && skip[p] != 0) continue;
    const LineShape& paragraph = paragraphs[p];
    const std::size_t words = paragraph.word_count();
    const bool votes_for_language = words >= kVotingParagraphWords;
    // A shape's words lie in its zero-padded buffer (line_shape.h).
    if (words <= kMaxLanedWords) {
      lanes[p] = count_lanes(paragraph.words, paragraph.word_hashes, paragraph.plain_words);
      all.add(lanes[p], words);
      // Without a branch: whether a paragraph has kVotingParagraphWords is a coin toss.
      const std::uint64_t voting = 0 - static_cast<std::uint64_t>(votes_for_language);
      votes.add(lanes[p] & voting, words & voting);
    } else {
      LanguageCounts counts{};
      count_padded_stop_words(paragraph.words, paragraph.word_hashes, paragraph.plain_words, counts);
      long_counts.emplace_back(p, counts);
      all.add(counts);
      if (votes_for_language) votes.add(counts);
    }
    all_words += words;
    if (votes_for_language) voting_words += words;
  }
  // A page of short lines only (a list, a table) votes with everything it has.
  const LanguageCounts& vote_counts = voting_words == 0 ? all.totals() : votes.totals();
  if (voting_words == 0) voting_words = all_words;
  std::size_t best = 0;
  for (std::size_t language = 1; language < kStopWordLanguageCount; ++language)
    if (vote_counts[language] > vote_counts[best]) best = language;
  if (voting_words == 0 ||
      static_cast<double>(vote_counts[best]) < kMinStopWordShare * static_cast<double>(voting_words)) {
    std::fill(stop_words.begin(), stop_words.end(), 0);
    return std::nullopt;
  }
  for (std::size_t p = 0; p < paragraphs.size(); ++p)
    stop_words[p] = static_cast<std::uint32_t>((lanes[p] >> (8 * best)) & 0xFF);
  for (const auto& [p, counts] : long_counts) stop_words[p] = counts[best];
  return static_cast<Language>(best);
}

StopWordProfile profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip) {
  StopWordProfile profile;
  profile.stop_words.assign(paragraphs.size(), 0);
  profile.language = profile_stop_words(paragraphs, skip, profile.stop_words);
  return profile;
}

}  // namespace newsdedup
