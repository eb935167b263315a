#include "clean/quality_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsdedup {
namespace {

std::optional<RemovalReason> line_rule(std::string_view text) { return c4_line_rule(describe(text), text); }

struct Doc {
  std::vector<std::string> lines;
  std::vector<LineShape> shapes;
};

QualityVerdict judge(const std::vector<std::string>& lines, std::optional<Language> language = Language::kEnglish) {
  std::vector<LineShape> shapes;
  std::vector<std::string_view> views;
  std::vector<const LineShape*> pointers;
  shapes.reserve(lines.size());
  for (const std::string& line : lines) {
    shapes.push_back(describe(line));
    views.push_back(line);
  }
  for (const LineShape& shape : shapes) pointers.push_back(&shape);
  return judge_document(views, pointers, language);
}

bool failed(const QualityVerdict& verdict, RemovalReason rule) {
  return std::any_of(verdict.failures.begin(), verdict.failures.end(),
                     [&](const QualityFailure& f) { return f.rule == rule; });
}

// A clean article of six sentence paragraphs, 120 words.
std::vector<std::string> good_article() {
  return {"The ferry left the harbour at dawn on Monday with forty passengers on board.",
          "The crew said that the boat would be back before the storm reached the coast.",
          "Port officials have closed the northern pier until the wind eases later this week.",
          "Fishermen moved their boats to the inner basin, where the water was calmer.",
          "The regional forecast expects the strongest gusts around midnight and early on Tuesday.",
          "Schools in the town will open as usual, and the ferry timetable will be updated online."};
}

TEST(QualityRules, CleanArticlePassesEveryRule) {
  const QualityVerdict verdict = judge(good_article());
  EXPECT_TRUE(verdict.passed()) << (verdict.failures.empty() ? "" : std::string(name(verdict.failures[0].rule)));
}

TEST(QualityRules, C4LineRules) {
  EXPECT_EQ(line_rule("The ferry left the harbour at dawn."), std::nullopt);
  EXPECT_EQ(line_rule("\u201CWe will be back,\u201D the captain said.\u201D"), std::nullopt);
  EXPECT_EQ(line_rule("Harbour reopens after the storm"), RemovalReason::kC4TerminalPunctuation);
  EXPECT_EQ(line_rule("The ferry left the harbour at dawn..."), RemovalReason::kC4TerminalPunctuation);
  EXPECT_EQ(line_rule("Read more."), RemovalReason::kC4MinWords);
  EXPECT_EQ(line_rule("Please enable JavaScript to view the comments."), RemovalReason::kC4Javascript);
  EXPECT_EQ(line_rule("By using this site you agree to our Privacy Policy."), RemovalReason::kC4Policy);
  EXPECT_EQ(line_rule("This website uses cookies to improve your experience."), RemovalReason::kC4Policy);
}

TEST(QualityRules, C4DocumentRules) {
  EXPECT_TRUE(failed(judge({"One sentence only, however long it may be, is not enough for a page."}),
                     RemovalReason::kC4MinSentences));
  auto lorem = good_article();
  lorem.push_back("Lorem ipsum dolor sit amet, consectetur adipiscing elit.");
  EXPECT_TRUE(failed(judge(lorem), RemovalReason::kC4LoremIpsum));
  auto code = good_article();
  code.push_back("The page printed {\"id\": 7} where a sentence should be.");
  EXPECT_TRUE(failed(judge(code), RemovalReason::kC4CurlyBracket));
}

TEST(QualityRules, GopherWordCountAndWordLength) {
  const QualityVerdict few = judge({"Too few words here.", "Still too few.", "Short.", "Tiny.", "Done."});
  EXPECT_TRUE(failed(few, RemovalReason::kGopherWordCount));
  std::string long_words;
  for (int i = 0; i < 60; ++i) long_words += "incomprehensibilities ";
  long_words += "end.";
  EXPECT_TRUE(failed(judge({long_words}), RemovalReason::kGopherMeanWordLength));
}

TEST(QualityRules, GopherSymbolBulletEllipsisAndLetters) {
  auto hashtags = good_article();
  hashtags.push_back("#ferry #harbour #storm #wind #coast #boats #sea #port #news #weather #town #pier #crew");
  EXPECT_TRUE(failed(judge(hashtags), RemovalReason::kGopherSymbolRatio));

  std::vector<std::string> bullets;
  for (int i = 0; i < 10; ++i) bullets.push_back("- The ferry timetable item number " + std::to_string(i) + " is listed here.");
  EXPECT_TRUE(failed(judge(bullets), RemovalReason::kGopherBulletLines));

  std::vector<std::string> ellipses;
  for (int i = 0; i < 10; ++i) ellipses.push_back("The ferry left the harbour and then the crew said that...");
  EXPECT_TRUE(failed(judge(ellipses), RemovalReason::kGopherEllipsisLines));

  std::string numbers;
  for (int i = 0; i < 80; ++i) numbers += std::to_string(1000 + i) + " ";
  EXPECT_TRUE(failed(judge({numbers + "and the total."}), RemovalReason::kGopherAlphabeticWords));
}

TEST(QualityRules, GopherStopWordsByLanguage) {
  std::vector<std::string> no_stop_words;
  for (int i = 0; i < 8; ++i) no_stop_words.push_back("Harbour ferry timetable changes northern pier closures announced today.");
  EXPECT_TRUE(failed(judge(no_stop_words), RemovalReason::kGopherStopWords));
  // A page without a stop-word list is not asked for stop words.
  EXPECT_FALSE(failed(judge(no_stop_words, std::nullopt), RemovalReason::kGopherStopWords));
}

TEST(QualityRules, FineWebRules) {
  std::vector<std::string> unpunctuated;
  for (int i = 0; i < 10; ++i) unpunctuated.push_back("Ferry timetable for the northern pier and the inner basin number " + std::to_string(i));
  EXPECT_TRUE(failed(judge(unpunctuated), RemovalReason::kFineWebLinePunctuation));

  std::vector<std::string> short_lines;
  for (int i = 0; i < 12; ++i) short_lines.push_back("Pier " + std::to_string(i) + " is closed.");
  short_lines.push_back("The ferry left the harbour at dawn with forty passengers and the crew of the boat.");
  EXPECT_TRUE(failed(judge(short_lines), RemovalReason::kFineWebShortLines));

  auto duplicated = good_article();
  duplicated.push_back(duplicated[2]);
  EXPECT_TRUE(failed(judge(duplicated), RemovalReason::kFineWebDuplicateLines));

  std::vector<std::string> list;
  for (int i = 0; i < 40; ++i) list.push_back("Item " + std::to_string(i) + ".");
  EXPECT_TRUE(failed(judge(list), RemovalReason::kFineWebListRatio));
}

TEST(QualityRules, GopherRepetitionRules) {
  const auto article = good_article();
  const QualityVerdict clean = judge(article);
  for (RemovalReason rule : {RemovalReason::kGopherDuplicateLines, RemovalReason::kGopherDuplicateLineCharacters,
                             RemovalReason::kGopherTopNgram, RemovalReason::kGopherDuplicateNgrams})
    EXPECT_FALSE(failed(clean, rule)) << name(rule);

  // Every line printed twice: half the lines and characters repeat, and every 5-gram too.
  std::vector<std::string> doubled = article;
  doubled.insert(doubled.end(), article.begin(), article.end());
  const QualityVerdict twice = judge(doubled);
  EXPECT_TRUE(failed(twice, RemovalReason::kGopherDuplicateLines));
  EXPECT_TRUE(failed(twice, RemovalReason::kGopherDuplicateLineCharacters));
  EXPECT_TRUE(failed(twice, RemovalReason::kGopherDuplicateNgrams));

  // One phrase over and over inside otherwise distinct lines: the top 2-gram dominates.
  std::vector<std::string> chant = article;
  for (int i = 0; i < 6; ++i) chant.push_back("buy now buy now buy now buy now line " + std::to_string(i) + ".");
  EXPECT_TRUE(failed(judge(chant), RemovalReason::kGopherTopNgram));
}

TEST(QualityRules, EveryFailureCarriesItsValueAndLimit) {
  const QualityVerdict verdict = judge({"Short page."});
  ASSERT_FALSE(verdict.passed());
  for (const QualityFailure& failure : verdict.failures) {
    if (failure.rule == RemovalReason::kGopherWordCount) {
      EXPECT_EQ(failure.value, 2);
      EXPECT_EQ(failure.limit, 50);
    }
  }
  EXPECT_TRUE(failed(verdict, RemovalReason::kGopherWordCount));
}

}  // namespace
}  // namespace newsdedup
