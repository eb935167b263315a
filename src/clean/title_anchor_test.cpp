#include "clean/title_anchor.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdedup {
namespace {

std::optional<std::size_t> anchor_of(std::initializer_list<std::string_view> paragraphs) {
  std::vector<LineShape> shapes;
  for (std::string_view p : paragraphs) shapes.push_back(describe(p));
  return find_title_anchor(shapes);
}

TEST(TitleAnchor, HeadlineWithoutTheSiteSuffix) {
  EXPECT_EQ(anchor_of({"Harbour reopens after the storm - The Coastal Gazette", "Home", "News",
                       "Harbour reopens after the storm", "The harbour reopened on Monday."}),
            std::optional<std::size_t>(3));
}

// Separators of several bytes (a dash, a guillemet) and of two bytes after the space (" :: ").
TEST(TitleAnchor, EverySeparatorSplitsTheTitle) {
  for (std::string_view separator : {" \u2013 ", " \u2014 ", " \u00BB ", " \u00B7 ", " :: ", " : "}) {
    const std::string title = "Harbour reopens after the storm" + std::string(separator) + "Coastal Gazette";
    EXPECT_EQ(anchor_of({title, "Home", "Harbour reopens after the storm", "The harbour reopened on Monday."}),
              std::optional<std::size_t>(2))
        << separator;
  }
}

TEST(TitleAnchor, SiteNameFirstAndCaseIgnored) {
  EXPECT_EQ(anchor_of({"Coastal Gazette | Harbour Reopens After The Storm", "Menu", "HARBOUR REOPENS AFTER THE STORM"}),
            std::optional<std::size_t>(2));
}

TEST(TitleAnchor, TheSiteNameAloneIsNoAnchor) {
  // "Coastal Gazette" is printed in the menu, but it is the site, not the headline.
  EXPECT_EQ(anchor_of({"Harbour reopens after the storm | Coastal Gazette", "Coastal Gazette", "Weather",
                       "The harbour reopened on Monday."}),
            std::nullopt);
}

TEST(TitleAnchor, TheWholeTitleCountsToo) {
  EXPECT_EQ(anchor_of({"Harbour reopens after the storm | Gazette", "Weather",
                       "Harbour reopens after the storm | Gazette", "Harbour reopens after the storm"}),
            std::optional<std::size_t>(2));
}

TEST(TitleAnchor, NoRepeatNoAnchor) {
  EXPECT_EQ(anchor_of({"Harbour reopens after the storm", "The harbour reopened on Monday."}), std::nullopt);
  EXPECT_EQ(anchor_of({"Harbour reopens"}), std::nullopt);
  EXPECT_EQ(anchor_of({}), std::nullopt);
}

// The title's separator bytes are looked for 16 bytes at a time: a separator is found wherever it
// falls against those blocks, and a title without one is taken whole.
TEST(TitleAnchor, SeparatorsAreFoundAtEveryOffset) {
  for (std::string_view separator : {" - ", " | ", " \u2013 ", " \u2014 ", " \u00BB ", " \u00B7 ", " :: ", " : "}) {
    for (std::size_t pad = 0; pad < 40; ++pad) {
      const std::string headline = (pad == 0 ? std::string() : std::string(pad, 'x') + " ") + "harbour reopens";
      const std::string title = "Coastal Gazette" + std::string(separator) + headline;
      EXPECT_EQ(anchor_of({title, "Home", headline, "The harbour reopened on Monday."}), std::optional<std::size_t>(2))
          << title;
      EXPECT_EQ(anchor_of({headline, "Home", headline, "The harbour reopened on Monday."}), std::optional<std::size_t>(2))
          << headline;
    }
  }
}

}  // namespace
}  // namespace newsdedup
