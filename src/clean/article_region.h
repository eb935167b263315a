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

// What one paragraph weighs: `furniture` is its kind when a furniture rule removed it.
RegionEvidence paragraph_evidence(TextClass text_class, std::optional<FurnitureKind> furniture,
                                  std::size_t weighted_length);

// The region, or none when the page has no prose. `anchor`: the title anchor, if found.
std::optional<ArticleRegion> find_article_region(std::span<const RegionEvidence> paragraphs,
                                                 std::optional<std::size_t> anchor);

}  // namespace newsdedup
