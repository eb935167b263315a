#include "clean/article_region.h"

#include <algorithm>
#include <limits>

namespace newsdedup {
namespace {

// Costs, in weighted characters of prose that a paragraph of each kind outweighs.
constexpr std::int64_t kShortCost = 20;        // a sub-heading, a one-line paragraph
constexpr std::int64_t kMinBadCost = 60;       // a long line that is not text costs its length
constexpr std::int64_t kInlineCost = 30;       // captions, ad markers, credits: found inside articles
constexpr std::int64_t kLinkCost = 60;         // menu items, link bars
constexpr std::int64_t kPromptCost = 150;      // share / follow / subscribe prompts
constexpr std::int64_t kEdgeCost = 300;        // dates, bylines, "Related", comments, legal notices
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

std::int64_t furniture_cost(FurnitureKind kind) {
  switch (kind) {
    case FurnitureKind::kInline: return kInlineCost;
    case FurnitureKind::kLink: return kLinkCost;
    case FurnitureKind::kPrompt: return kPromptCost;
    case FurnitureKind::kEdge:
    case FurnitureKind::kCommentSection: return kEdgeCost;
  }
  return kEdgeCost;
}

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

RegionEvidence paragraph_evidence(TextClass text_class, std::optional<FurnitureKind> furniture,
                                  std::size_t weighted_length) {
  const auto length = static_cast<std::int64_t>(weighted_length);
  RegionEvidence evidence;
  if (furniture) {
    evidence.weight = -furniture_cost(*furniture);
    evidence.ends_article = *furniture == FurnitureKind::kCommentSection;
    return evidence;
  }
  switch (text_class) {
    case TextClass::kGood:
      evidence.weight = length;
      evidence.prose_length = static_cast<std::uint32_t>(std::min<std::int64_t>(length, UINT32_MAX));
      break;
    case TextClass::kShort:
      evidence.weight = -kShortCost;
      break;
    case TextClass::kNearGood:
    case TextClass::kBad:
      evidence.weight = -std::max(kMinBadCost, length);
      break;
  }
  return evidence;
}

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
