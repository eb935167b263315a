#include "clean/article_region.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace newsdedup {
namespace {

// A page as evidence: P = prose of `length`, S = short line, L = menu link, E = edge (a date,
// a "Related" heading), C = comment-section marker.
RegionEvidence prose(std::size_t length) { return paragraph_evidence(TextClass::kGood, std::nullopt, length); }
RegionEvidence short_line() { return paragraph_evidence(TextClass::kShort, std::nullopt, 20); }
RegionEvidence link() { return paragraph_evidence(TextClass::kShort, FurnitureKind::kLink, 10); }
RegionEvidence edge() { return paragraph_evidence(TextClass::kShort, FurnitureKind::kEdge, 10); }
RegionEvidence comments() { return paragraph_evidence(TextClass::kShort, FurnitureKind::kCommentSection, 10); }

std::pair<std::size_t, std::size_t> span(const std::optional<ArticleRegion>& region) {
  return region ? std::pair{region->first, region->last} : std::pair{SIZE_MAX, SIZE_MAX};
}

TEST(ArticleRegion, WeightsFollowTheClassAndTheFurnitureKind) {
  EXPECT_EQ(prose(250).weight, 250);
  EXPECT_EQ(prose(250).prose_length, 250u);
  EXPECT_LT(short_line().weight, 0);
  EXPECT_LT(paragraph_evidence(TextClass::kBad, std::nullopt, 500).weight, -400);
  EXPECT_GT(paragraph_evidence(TextClass::kShort, FurnitureKind::kInline, 10).weight, link().weight);
  EXPECT_GT(link().weight, edge().weight);
  EXPECT_TRUE(comments().ends_article);
}

TEST(ArticleRegion, TheRunOfProseBetweenMenusAndFooter) {
  const std::vector<RegionEvidence> page = {link(), link(), link(), edge(),     prose(300), short_line(),
                                            prose(250), prose(400), link(), edge(), link()};
  EXPECT_EQ(span(find_article_region(page, std::nullopt)), (std::pair<std::size_t, std::size_t>{4, 7}));
}

TEST(ArticleRegion, InlineFurnitureDoesNotSplitAnArticle) {
  const RegionEvidence caption = paragraph_evidence(TextClass::kShort, FurnitureKind::kInline, 10);
  const std::vector<RegionEvidence> page = {link(), prose(300), caption, caption, prose(300), link()};
  EXPECT_EQ(span(find_article_region(page, std::nullopt)), (std::pair<std::size_t, std::size_t>{1, 4}));
}

TEST(ArticleRegion, ACommentSectionEndsTheArticle) {
  // The comments hold more prose than the article, but come after a comment heading.
  const std::vector<RegionEvidence> page = {prose(300), prose(300), comments(), short_line(), prose(300),
                                            short_line(), prose(300), short_line(), prose(300)};
  EXPECT_EQ(span(find_article_region(page, std::nullopt)), (std::pair<std::size_t, std::size_t>{0, 1}));
}

TEST(ArticleRegion, BelowTheAnchorSkippingProseCostsHalfOfIt) {
  // Under the headline (1) comes a short article; a longer block of prose sits far below.
  const std::vector<RegionEvidence> page = {link(), link(), prose(400), edge(), edge(), edge(), prose(600)};
  const auto region = find_article_region(page, 1);
  EXPECT_EQ(span(region), (std::pair<std::size_t, std::size_t>{2, 2}));
  EXPECT_TRUE(region->below_anchor);
  // Without the anchor the bigger block wins.
  EXPECT_EQ(span(find_article_region(page, std::nullopt)), (std::pair<std::size_t, std::size_t>{6, 6}));
}

TEST(ArticleRegion, TooLittleProseIsNoRegion) {
  EXPECT_EQ(find_article_region(std::vector<RegionEvidence>{link(), prose(120), link()}, std::nullopt), std::nullopt);
  EXPECT_EQ(find_article_region(std::vector<RegionEvidence>{link(), short_line(), link()}, std::nullopt), std::nullopt);
  EXPECT_EQ(find_article_region({}, std::nullopt), std::nullopt);
}

}  // namespace
}  // namespace newsdedup
