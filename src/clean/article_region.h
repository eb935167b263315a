// Article region: the contiguous run of paragraphs that holds a page's article.
//
// Every paragraph weighs for or against being inside the article: prose (a good paragraph)
// counts its length, everything else a cost. The cost is what the paragraph says about the
// article's edges: a short line or a link costs little, because articles have sub-headings,
// captions and ad markers inside; a date, a byline, a comment header, a "Related" heading or a
// legal notice costs much, because articles end (or have not yet begun) where they appear.
// The region is the run with the largest total (the maximum-sum subarray, found in one pass),
// with two pieces of page structure:
//   - after the title anchor (the headline printed again above the article), the run may start
//     later only by giving up half of the prose it skips, so a long footer or comment thread
//     far below cannot outweigh a shorter article right under its headline;
//   - a comment-section marker after the first few hundred characters of prose ends the
//     article: comments are prose, but never the article.
// Stateless and thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "clean/paragraph_classifier.h"

namespace newsdedup {

// What a furniture line says about where the article is.
enum class FurnitureKind : unsigned char {
  kInline,          // found inside articles: captions, ad markers, credits, "Also read: ..."
  kLink,            // menu items, link bars, headlines in a list
  kPrompt,          // share / follow / subscribe prompts
  kEdge,            // dates, bylines, "Related" headings, legal notices: an article's edges
  kCommentSection,  // a comment section's heading or attribution: the article is over
};

struct RegionEvidence {
  std::int64_t weight = 0;  // + for prose, - for the rest: see paragraph_weight()
  std::uint32_t prose_length = 0;  // weighted length when the paragraph is prose, else 0
  bool ends_article = false;       // a comment-section marker
};

struct ArticleRegion {
  std::size_t first = 0;
  std::size_t last = 0;        // inclusive
  bool below_anchor = false;  // found under the title anchor (so its top edge is known)
};

namespace region_costs {

// Costs, in weighted characters of prose that a paragraph of each kind outweighs.
inline constexpr std::int64_t kShortCost = 20;    // a sub-heading, a one-line paragraph
inline constexpr std::int64_t kMinBadCost = 60;   // a long line that is not text costs its length
inline constexpr std::int64_t kInlineCost = 30;   // captions, ad markers, credits: found inside articles
inline constexpr std::int64_t kLinkCost = 60;     // menu items, link bars
inline constexpr std::int64_t kPromptCost = 150;  // share / follow / subscribe prompts
inline constexpr std::int64_t kEdgeCost = 300;    // dates, bylines, "Related", comments, legal notices

constexpr std::int64_t furniture_cost(FurnitureKind kind) {
  switch (kind) {
    case FurnitureKind::kInline: return kInlineCost;
    case FurnitureKind::kLink: return kLinkCost;
    case FurnitureKind::kPrompt: return kPromptCost;
    case FurnitureKind::kEdge:
    case FurnitureKind::kCommentSection: return kEdgeCost;
  }
  return kEdgeCost;
}

}  // namespace region_costs

// What one paragraph weighs: `furniture` is its kind when a furniture rule removed it. (Defined
// here, to be inlined into the cleaner's loop over a page's paragraphs.)
inline RegionEvidence paragraph_evidence(TextClass text_class, std::optional<FurnitureKind> furniture,
                                         std::size_t weighted_length) {
  using namespace region_costs;
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

// The region, or none when the page has no prose. `anchor`: the title anchor, if found.
std::optional<ArticleRegion> find_article_region(std::span<const RegionEvidence> paragraphs,
                                                 std::optional<std::size_t> anchor);

}  // namespace newsdedup
