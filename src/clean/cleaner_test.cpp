#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/normalize.h"

namespace newsdedup {
namespace {

std::string read_fixture(std::string_view name) {
  std::ifstream in(std::string(NEWSDEDUP_FIXTURES) + "/" + std::string(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

CleanedDocument clean_text(std::string_view raw, CleanerOptions options = {}) {
  return Cleaner(options).clean(normalize_text(raw));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::size_t count_occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

const RemovedLine* find_removed(const CleanedDocument& doc, std::string_view fragment) {
  const auto it = std::find_if(doc.removed.begin(), doc.removed.end(),
                               [&](const RemovedLine& r) { return r.text.find(fragment) != std::string::npos; });
  return it == doc.removed.end() ? nullptr : &*it;
}

// What a thread's furniture memo has seen changes nothing: pages cleaned on a fresh thread (a
// cold memo, every paragraph described in full) and cleaned again there (a warm one, known
// furniture described light) come out the same, removed lines and reasons included.
TEST(Cleaner, AWarmFurnitureMemoCleansAsAColdOne) {
  const std::vector<std::string> pages = {read_fixture("003_f14518781b17d4c3.txt"), read_fixture("000_f93b8b3ccaf1c5a3.txt"),
                                          read_fixture("003_f14518781b17d4c3.txt")};
  // A page's outcome as text: title, body, then each removed line's number, reason and text.
  const auto outcome = [](const CleanedDocument& doc) {
    std::string text = doc.title + "\n--\n" + doc.body + "\n--\n";
    for (const RemovedLine& line : doc.removed)
      text += std::to_string(line.line) + " " + std::string(name(line.reason)) + " " + std::string(line.text) + "\n";
    return text;
  };
  std::vector<std::string> cold;
  std::vector<std::string> warm;
  std::thread fresh([&] {
    for (const std::string& page : pages) cold.push_back(outcome(clean_text(page)));
    for (const std::string& page : pages) warm.push_back(outcome(clean_text(page)));
  });
  fresh.join();
  ASSERT_EQ(cold.size(), pages.size());
  // The page's furniture (a WhatsApp prompt among it) was removed, so a warm memo knew it.
  const std::size_t removed_lines = cold[0].rfind("\n--\n");
  const std::size_t prompt = cold[0].find("WhatsApp");
  ASSERT_NE(prompt, std::string::npos);
  EXPECT_GT(prompt, removed_lines);
  for (std::size_t i = 0; i < pages.size(); ++i) EXPECT_EQ(warm[i], cold[i]) << "page " << i;
  EXPECT_EQ(cold[2], cold[0]);
}

TEST(Cleaner, DoubledReutersBodyKeepsEachSentenceOnce) {
  const std::string normalized = normalize_text(read_fixture("000_f93b8b3ccaf1c5a3.txt"));
  const CleanedDocument doc = Cleaner().clean(normalized);
  const std::vector<std::string> lines = split_lines(normalized);
  // Line 1 is the dateline "Reuters, Moscow :"; the story follows, printed twice.
  ASSERT_EQ(lines.front(), "Reuters, Moscow :");
  const auto second_copy = std::find(lines.begin() + 2, lines.end(), lines[1]);
  ASSERT_NE(second_copy, lines.end()) << "fixture no longer prints its body twice";
  const std::size_t story_lines = static_cast<std::size_t>(second_copy - lines.begin()) - 1;
  ASSERT_GE(story_lines, 10u);
  for (std::size_t i = 1; i <= story_lines; ++i) {
    EXPECT_EQ(count_occurrences(doc.body, lines[i]), 1u) << "line " << i + 1 << ": " << lines[i];
  }
  EXPECT_TRUE(doc.title.empty() || doc.title.find("Reuters, Moscow") == std::string::npos) << doc.title;
  EXPECT_EQ(count_occurrences(doc.body, "Reuters, Moscow :"), 1u);
  // Exactly the second copy is removed, line by line, as repetition.
  ASSERT_EQ(doc.removed.size(), story_lines);
  for (std::size_t i = 0; i < doc.removed.size(); ++i) {
    EXPECT_EQ(name(doc.removed[i].reason), "repeated") << doc.removed[i].text;
    EXPECT_EQ(doc.removed[i].line, story_lines + 2 + i);
    EXPECT_EQ(doc.removed[i].text, lines[1 + i]);
  }
}

TEST(Cleaner, ReprintWithSiteFurnitureKeepsOnlyTheArticle) {
  const CleanedDocument doc = clean_text(read_fixture("003_f14518781b17d4c3.txt"));
  EXPECT_EQ(doc.title, "Russia sees no grounds for strategic or arms control talks with US, Interfax reports");
  EXPECT_TRUE(doc.body.starts_with("MOSCOW (Reuters) -")) << doc.body.substr(0, 80);
  EXPECT_TRUE(doc.body.ends_with("to be a joint attack.")) << doc.body.substr(doc.body.size() - std::min<std::size_t>(80, doc.body.size()));
  const struct {
    std::string_view fragment;
    std::string_view reason;
  } furniture[] = {
      {"\u2022 World", "navigation"},       {"Saturday, 09 Nov 2024", "date"},
      {"FILE PHOTO", "caption"},            {"(Reporting by Reuters", "credit"},
      {"WhatsApp", "social"},               {"Next In World", "related"},
      {"Others Also Read", "related"},      {"Tonga PM", "related"},
      {"Should you still learn to code", "related"},
  };
  for (const auto& f : furniture) {
    EXPECT_EQ(doc.body.find(f.fragment), std::string::npos) << f.fragment;
    const RemovedLine* removed = find_removed(doc, f.fragment);
    ASSERT_NE(removed, nullptr) << f.fragment;
    EXPECT_EQ(name(removed->reason), f.reason) << f.fragment;
  }
  // Removals are reported in line order with 1-based line numbers of the input.
  EXPECT_TRUE(std::is_sorted(doc.removed.begin(), doc.removed.end(),
                             [](const RemovedLine& a, const RemovedLine& b) { return a.line < b.line; }));
  const RemovedLine* bullet = find_removed(doc, "\u2022 World");
  ASSERT_NE(bullet, nullptr);
  EXPECT_EQ(bullet->line, 4u);
}

TEST(Cleaner, JoinsParagraphsHardWrappedAt65Columns) {
  const std::string text =
      "Central bank holds rates steady, signals patience\n"
      "\n"
      "The central bank held its benchmark interest rate steady on\n"
      "Thursday, saying that inflation had eased more quickly than\n"
      "expected over the summer but that it wanted to see further\n"
      "evidence before cutting borrowing costs, which are at their\n"
      "highest level in two decades.\n"
      "\n"
      "Economists polled by Reuters had expected the decision, although\n"
      "a minority had forecast a quarter-point cut given the slowing\n"
      "labour market and weak retail sales figures published last week.\n";
  const CleanedDocument doc = clean_text(text);
  EXPECT_EQ(doc.title, "Central bank holds rates steady, signals patience");
  EXPECT_EQ(doc.body,
            "The central bank held its benchmark interest rate steady on Thursday, saying that inflation had eased "
            "more quickly than expected over the summer but that it wanted to see further evidence before cutting "
            "borrowing costs, which are at their highest level in two decades.\n\n"
            "Economists polled by Reuters had expected the decision, although a minority had forecast a "
            "quarter-point cut given the slowing labour market and weak retail sales figures published last week.");
  EXPECT_TRUE(doc.removed.empty());
}

TEST(Cleaner, RemovesHeadlineListAfterRelatedStories) {
  const std::string text =
      "Oil prices rise on supply worries\n"
      "\n"
      "Oil prices rose on Monday as investors worried that fighting in the Middle East could disrupt supplies "
      "from one of the world's biggest producing regions.\n"
      "\n"
      "Related Stories\n"
      "Bank of Japan keeps policy unchanged as yen weakens\n"
      "Stocks rally as tech earnings beat forecasts\n"
      "Gold hits record high on rate cut bets\n";
  const CleanedDocument doc = clean_text(text);
  EXPECT_EQ(doc.body,
            "Oil prices rose on Monday as investors worried that fighting in the Middle East could disrupt supplies "
            "from one of the world's biggest producing regions.");
  ASSERT_EQ(doc.removed.size(), 4u);
  for (const RemovedLine& r : doc.removed) EXPECT_EQ(name(r.reason), "related") << r.text;
  EXPECT_EQ(doc.removed.front().text, "Related Stories");
  EXPECT_EQ(doc.removed.back().text, "Gold hits record high on rate cut bets");
}

TEST(Cleaner, RelatedListSurvivesMarkedItemsBlankLinesAndFalseUnwrapping) {
  const std::string text =
      "Oil prices rose on Monday as investors worried that fighting in the Middle East could disrupt supplies "
      "from one of the world's biggest producing regions.\n"
      "\n"
      "More from The Daily Planet\n"
      "\n"
      "Bank of Japan keeps policy unchanged as yen weakens\n"
      "Watch: Stocks rally as tech earnings beat forecasts - Video\n"
      "Gold hits record high on rate cut bets\n"
      "\n"
      "Airline Orders Forty Jets From Boeing in Record Deal\n"
      "Senate Passes Budget Bill After Long Debate\n"
      "Chip Shortage Hits Car Output in the U.S.\n"
      "\n"
      "The company said it would publish its results in March.\n";
  const CleanedDocument doc = clean_text(text);
  EXPECT_EQ(doc.body,
            "Oil prices rose on Monday as investors worried that fighting in the Middle East could disrupt supplies "
            "from one of the world's biggest producing regions.\n\n"
            "The company said it would publish its results in March.");
}

TEST(Cleaner, EarningsTableSurvivesIntact) {
  const std::vector<std::string> rows = {"Shr 19 cts vs 10 cts", "Net 653,464 vs 287,606",
                                         "Revs 10.6 mln vs 7,600,000", "Year", "Shr 68 cts vs 46 cts"};
  std::string text;
  std::string expected;
  for (const auto& row : rows) {
    text += row + "\n";
    expected += (expected.empty() ? "" : "\n\n") + row;
  }
  const CleanedDocument doc = clean_text(text);
  EXPECT_TRUE(doc.removed.empty()) << doc.removed.front().text;
  EXPECT_EQ(doc.body, expected);

  // Under a headline, with a second year table whose short rows recur: still nothing removed.
  const CleanedDocument with_title =
      clean_text("ACME CORP 4TH QTR NET\n\n" + text + "Net 2,100,000 vs 1,400,000\nRevs 40.1 mln vs 30.2 mln\n");
  EXPECT_EQ(with_title.title, "ACME CORP 4TH QTR NET");
  EXPECT_TRUE(with_title.removed.empty());
  for (const auto& row : rows) EXPECT_NE(with_title.body.find(row), std::string::npos) << row;
}

TEST(Cleaner, KeepBoilerplateKeepsLinesButStillReportsThem) {
  const std::string raw = read_fixture("003_f14518781b17d4c3.txt");
  const CleanedDocument cleaned = clean_text(raw);
  const CleanedDocument kept = clean_text(raw, CleanerOptions{.keep_boilerplate = true});
  ASSERT_FALSE(cleaned.removed.empty());
  ASSERT_EQ(kept.removed.size(), cleaned.removed.size());
  for (std::size_t i = 0; i < kept.removed.size(); ++i) {
    EXPECT_EQ(kept.removed[i].line, cleaned.removed[i].line);
    EXPECT_EQ(kept.removed[i].reason, cleaned.removed[i].reason);
    EXPECT_NE(kept.body.find(kept.removed[i].text), std::string::npos) << kept.removed[i].text;
  }
  EXPECT_EQ(kept.title, cleaned.title);
  EXPECT_GT(kept.body.size(), cleaned.body.size());
}

TEST(Cleaner, BoilerplateFilterRemovesRecurringParagraphs) {
  const std::string text =
      "Oil prices rose on Monday as investors worried that fighting in the Middle East could disrupt supplies.\n"
      "\n"
      "This story was produced with the help of a wire service and checked by our editors.\n";
  const BoilerplateFilter filter = [](std::string_view paragraph) { return paragraph.starts_with("This story"); };
  const CleanedDocument doc = Cleaner().clean(normalize_text(text), &filter);
  EXPECT_EQ(doc.body.find("This story"), std::string::npos);
  ASSERT_EQ(doc.removed.size(), 1u);
  EXPECT_EQ(name(doc.removed[0].reason), "boilerplate");
  EXPECT_EQ(doc.removed[0].line, 3u);
}

// A page as html-text flattens it: the <title>, menus, the headline again, a byline and date,
// the article with a sub-heading and a caption, share prompts, and a comment thread.
std::string news_page() {
  return "Harbour reopens after the storm - The Coastal Gazette\n"
         "Home\nNews\nSport\nWeather\nOpinion\n"
         "Subscribe\n"
         "Harbour reopens after the storm\n"
         "By Jane Doe\n"
         "November 18, 2019 at 6:21 AM\n"
         "The harbour reopened on Monday morning after two days of gales, and the first ferry left for the "
         "islands at nine o'clock with a full load of passengers and supplies.\n"
         "Port officials said that the northern pier had been damaged by the waves and would stay closed until "
         "engineers had inspected it, which could take the rest of the week.\n"
         "Repairs\n"
         "The council has asked for emergency funds to repair the pier, and a decision is expected on Friday, "
         "according to a spokesman for the harbour authority.\n"
         "Fishermen said they were relieved to be back at sea, although several of them had lost nets and "
         "pots in the storm and would need weeks to replace them.\n"
         "Share this:\n"
         "Click to share on Facebook (Opens in new window)\n"
         "3 Comments\n"
         "seawatcher says:\n"
         "November 18, 2019 at 7:02 am\n"
         "It was about time they reopened it, the whole town depends on that ferry and everybody knew the pier "
         "was in a bad state long before this storm came along and made it worse.\n"
         "harbourfan says:\n"
         "November 18, 2019 at 7:30 am\n"
         "My brother works on the ferry and says the crew did an amazing job getting everything ready so "
         "quickly after the weekend, credit where it is due to all of them.\n";
}

TEST(Cleaner, NewsPageKeepsTheArticleUnderItsHeadline) {
  const CleanedDocument doc = clean_text(news_page());
  EXPECT_EQ(doc.title, "Harbour reopens after the storm");
  EXPECT_TRUE(doc.body.starts_with("The harbour reopened on Monday morning")) << doc.body.substr(0, 80);
  EXPECT_TRUE(doc.body.ends_with("would need weeks to replace them.")) << doc.body;
  EXPECT_NE(doc.body.find("Repairs"), std::string::npos);  // a sub-heading inside the article stays
  for (std::string_view gone : {"Coastal Gazette", "Subscribe", "Jane Doe", "Share this", "Comments", "seawatcher",
                                "whole town depends", "amazing job"})
    EXPECT_EQ(doc.body.find(gone), std::string::npos) << gone;
  const struct {
    std::string_view fragment;
    std::string_view reason;
  } expected[] = {{"By Jane Doe", "byline"},           {"3 Comments", "comments"},
                  {"seawatcher says:", "comments"},     {"whole town depends", "outside_article"},
                  {"- The Coastal Gazette", "outside_article"}};
  for (const auto& e : expected) {
    const RemovedLine* removed = find_removed(doc, e.fragment);
    ASSERT_NE(removed, nullptr) << e.fragment;
    EXPECT_EQ(name(removed->reason), e.reason) << e.fragment;
  }
}

TEST(Cleaner, BodyPrintedAgainOnOneLineIsCutKeepingTheFirstCopy) {
  const std::string first =
      "The harbour reopened on Monday morning after two days of gales, and the first ferry left for the islands "
      "at nine o'clock with a full load of passengers and supplies.";
  const std::string second =
      "Port officials said that the northern pier had been damaged by the waves and would stay closed until "
      "engineers had inspected it, which could take the rest of the week.";
  const std::string own_line = "Weather: gales easing by Wednesday";
  // The same paragraph, doubled without a line break, then both paragraphs as one line.
  const std::string text = first + "\n\n" + second + " " + second + "\n\n" + own_line + " " + first + " " + second + "\n";
  const CleanedDocument doc = clean_text(text);
  EXPECT_EQ(count_occurrences(doc.body, first), 1u);
  EXPECT_EQ(count_occurrences(doc.body, second), 1u);
  EXPECT_NE(doc.body.find(own_line), std::string::npos);  // what is not a copy stays
  std::size_t repeated = 0;
  for (const RemovedLine& r : doc.removed) repeated += name(r.reason) == "repeated";
  EXPECT_EQ(repeated, 2u);
}

TEST(Cleaner, PageWithoutProseIsNotEmptied) {
  const CleanedDocument doc = clean_text("Ferry timetable\n\nNorth pier 06:00\nSouth pier 06:30\nIslands 07:15\n");
  EXPECT_NE(doc.body.find("North pier 06:00"), std::string::npos);
  EXPECT_NE(doc.body.find("Islands 07:15"), std::string::npos);
}

TEST(Cleaner, QualityRulesReportEachRemovalWithItsRule) {
  const CleanedDocument plain = clean_text(news_page());
  EXPECT_FALSE(plain.quality.has_value());

  const CleanedDocument doc = clean_text(news_page(), CleanerOptions{.quality = true});
  ASSERT_TRUE(doc.quality.has_value());
  // The one-word sub-heading is too short a line for C4. Four sentences are too
  // few for C4 (five), so the document fails and its remaining lines go with that rule.
  const RemovedLine* heading = find_removed(doc, "Repairs");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(name(heading->reason), "c4_min_words");
  EXPECT_FALSE(doc.quality->passed());
  EXPECT_EQ(name(doc.quality->failures.front().rule), "c4_min_sentences");
  EXPECT_TRUE(doc.body.empty());
  const RemovedLine* article = find_removed(doc, "The harbour reopened");
  ASSERT_NE(article, nullptr);
  EXPECT_EQ(name(article->reason), "c4_min_sentences");

  // --keep-boilerplate with --quality: everything is reported, nothing removed.
  const CleanedDocument kept = clean_text(news_page(), CleanerOptions{.keep_boilerplate = true, .quality = true});
  EXPECT_NE(kept.body.find("The harbour reopened"), std::string::npos);
  EXPECT_EQ(kept.removed.size(), doc.removed.size());
}

TEST(Cleaner, TableUnderTheArticleBelongsToIt) {
  const std::string page =
      "Regatta results - The Coastal Gazette\n"
      "Home\nNews\nSport\nWeather\n"
      "Regatta results\n"
      "By Jane Doe\n"
      "Forty boats sailed in the autumn regatta on Saturday, and the wind was strong enough for the race "
      "committee to run all three races before the tide turned in the afternoon.\n"
      "The local club took the first two places, which its captain said was the best result the club had "
      "had in more than a decade of racing on the estuary.\n"
      "Final standings:\n"
      "1 Seahorse 12 points\n"
      "2 Kestrel 15 points\n"
      "3 Blue Heron 21 points\n"
      "4 Tern 24 points\n"
      "Share this:\n"
      "Most Read\n"
      "Ferry timetable changes for winter\n"
      "Council approves new pier\n";
  const CleanedDocument doc = clean_text(page);
  EXPECT_TRUE(doc.body.starts_with("Forty boats sailed")) << doc.body;
  EXPECT_TRUE(doc.body.ends_with("4 Tern 24 points")) << doc.body;
  EXPECT_NE(doc.body.find("Final standings:"), std::string::npos);
  EXPECT_EQ(doc.body.find("Ferry timetable"), std::string::npos);
}

TEST(Cleaner, EmptyInput) {
  const CleanedDocument doc = clean_text("");
  EXPECT_TRUE(doc.title.empty());
  EXPECT_TRUE(doc.body.empty());
  EXPECT_TRUE(doc.removed.empty());
}

}  // namespace
}  // namespace newsdedup
