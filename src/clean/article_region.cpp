#include "clean/article_region.h"

#include <algorithm>
#include <limits>

namespace newsdedup {
namespace {

// Share of the prose after the anchor that a region gives up when it starts below it.
constexpr std::int64_t kSkippedProsePercent = 50;
// A region with less prose than this is too little evidence to cut a page by: a table or a
// list with a sentence in it, or a two-line brief, which the furniture rules clean well alone.
constexpr std::int64_t kMinArticleProse = 300;
// Under the headline, the page has shown where its article is: a short one is enough.
constexpr std::int64_t kMinProseBelowAnchor = 100;
// Prose (weighted characters) after which a comment-section marker ends the article; before
// it, the marker is a button in the header ("Comments", "View comments").
constexpr std::int64_t kProseBeforeComments = 400;

struct Best {
  std::int64_t score = 0;
  std::optional<ArticleRegion> region;
};

std::int64_t prose_in(std::span<const RegionEvidence> paragraphs, const ArticleRegion& region) {
  std::int64_t prose = 0;
  for (std::size_t i = region.first; i <= region.last; ++i) prose += paragraphs[i].prose_length;
  return prose;
}

// Maximum over first >= start, last >= first of sum(weight[first..last]) minus `skip_percent`
// of the prose in [start, first). Stops at an article-ending marker once enough prose was seen.
Best search(std::span<const RegionEvidence> paragraphs, std::size_t start, std::int64_t skip_percent) {
  Best best;
  std::int64_t skipped = 0;  // prose since `start`, before the current paragraph
  std::int64_t current = std::numeric_limits<std::int64_t>::min() / 2;
  std::size_t current_first = start;
  for (std::size_t i = start; i < paragraphs.size(); ++i) {
    const RegionEvidence& p = paragraphs[i];
    if (p.ends_article && skipped >= kProseBeforeComments) break;
    const std::int64_t fresh = -skipped * skip_percent / 100;
    if (fresh > current) {
      current = fresh;
      current_first = i;
    }
    current += p.weight;
    if (current > best.score) {
      best.score = current;
      best.region = ArticleRegion{current_first, i};
    }
    skipped += p.prose_length;
  }
  return best;
}

}  // namespace

std::optional<ArticleRegion> find_article_region(std::span<const RegionEvidence> paragraphs,
                                                 std::optional<std::size_t> anchor) {
  if (anchor && *anchor + 1 < paragraphs.size()) {
    std::optional<ArticleRegion> region = search(paragraphs, *anchor + 1, kSkippedProsePercent).region;
    if (region && prose_in(paragraphs, *region) >= kMinProseBelowAnchor) {
      region->below_anchor = true;
      return region;
    }
  }
  std::optional<ArticleRegion> region = search(paragraphs, 0, 0).region;
  if (region && prose_in(paragraphs, *region) < kMinArticleProse) return std::nullopt;
  return region;
}

}  // namespace newsdedup
