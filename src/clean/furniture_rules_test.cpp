#include "clean/furniture_rules.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/test_random_text.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

std::optional<RemovalReason> classify(std::string_view text) { return classify_furniture(describe(text), text); }

std::string reason_name(std::optional<RemovalReason> reason) {
  return reason ? std::string(name(*reason)) : std::string("(none)");
}

struct FurnitureCase {
  std::string_view text;
  RemovalReason reason;
};

TEST(FurnitureRules, EachRuleFiresOnTypicalFurniture) {
  const FurnitureCase cases[] = {
      {"\u2022 World", RemovalReason::kNavigation},
      {"Home | World | Business | Tech", RemovalReason::kNavigation},
      {"Home > World > Europe", RemovalReason::kNavigation},
      {"Saturday, 09 Nov 2024", RemovalReason::kDate},
      {"May 16, 2023 12:15 PM", RemovalReason::kDate},
      {"Published 2021-04-22", RemovalReason::kDate},
      {"Updated 3 hours ago", RemovalReason::kDate},
      {"FILE PHOTO: A man walks past the logo of the bank in Paris, France, March 1, 2023. REUTERS/File Photo",
       RemovalReason::kCaption},
      {"Follow us on Twitter and Facebook for the latest news.", RemovalReason::kSocial},
      {"Sign up for our daily newsletter", RemovalReason::kSocial},
      {"Next In World", RemovalReason::kRelated},
      {"Most Read", RemovalReason::kRelated},
      {"Others Also Read", RemovalReason::kRelated},
      {"Also Read: Some Headline", RemovalReason::kRelated},
      {"Copyright 2019 X. All rights reserved.", RemovalReason::kLegal},
      {"Terms of Use | Privacy Policy | Cookie Settings | Contact Us", RemovalReason::kLegal},
      {"\u00A9 2024 Example Media Group", RemovalReason::kLegal},
      {"ADVERTISEMENT", RemovalReason::kAdvertisement},
      {"Story continues below advertisement", RemovalReason::kAdvertisement},
      {"(Reporting by Reuters; Editing by Mark Potter)", RemovalReason::kCredit},
      {"Additional reporting by Jane Doe in London", RemovalReason::kCredit},
      {"34 Comments", RemovalReason::kComments},
      {"View comments", RemovalReason::kComments},
      {"Leave a Reply Cancel reply", RemovalReason::kComments},
      {"12 thoughts on \u201CA day at the harbour\u201D", RemovalReason::kComments},
      {"harbourfan77 says:", RemovalReason::kComments},
      {"Kommentare", RemovalReason::kComments},
      {"By Jane Doe", RemovalReason::kByline},
      {"BY: Staff Writer", RemovalReason::kByline},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(reason_name(classify(c.text)), name(c.reason)) << c.text;
  }
}

TEST(FurnitureRules, DoesNotFireOnOrdinaryNewsText) {
  const std::string_view sentences[] = {
      "The company said it would subscribe to the new share issue of 5 mln dlrs.",
      "Shr 19 cts vs 10 cts",
      "Net 653,464 vs 287,606",
      "Revs 10.6 mln vs 7,600,000",
      "Year",
      "The minister said talks would resume on Monday.",
      "Port Authority Declines Comment on Ferry Delays",
      "A spokeswoman for the ferry operator declined to comment.",
      "By the end of the week the harbour was quiet again.",
      "The firm will sell its unit on the terms and conditions it announced in March, the company said.",
      "Microsoft said its Bing search engine would get new AI features.",
      "Net profit rose to 2.1 mln dlrs from 1.4 mln dlrs a year earlier, the company said.",
      "The U.S. dollar rose against the yen.",
      // 40 words of prose.
      "The central bank said on Tuesday that inflation had slowed for a third consecutive month in May, giving "
      "policymakers more room to cut interest rates later this year, although several officials warned that "
      "wage growth and energy prices remained a risk to the outlook.",
  };
  for (std::string_view s : sentences) {
    EXPECT_EQ(reason_name(classify(s)), "(none)") << s;
  }
  EXPECT_FALSE(classify("").has_value());
}

TEST(FurnitureRules, ProseLongerThanAnyFurnitureIsNeverClassified) {
  std::string long_paragraph = "Copyright all rights reserved. Follow us.";
  for (int i = 0; i < 20; ++i) long_paragraph += " The court heard evidence from witnesses.";
  EXPECT_FALSE(classify(long_paragraph).has_value());
}

// Ordinary news sentences that merely mention a furniture word. Each rule below fires on them
// today; the expected behaviour is that they stay in the body.
TEST(FurnitureRules, ReutersIpsosPollSentenceIsNotACaption) {
  EXPECT_EQ(reason_name(classify("A Reuters/Ipsos poll showed 40 pct of Americans approve of the "
                                 "president's handling of the economy.")),
            "(none)");
}

// Each credit at the end of a caption, with and without a photo or Reuters named in the tail.
TEST(FurnitureRules, CaptionCredits) {
  const std::string_view captions[] = {
      "The minister arrives at the summit in Brussels. REUTERS/Yves Herman",
      "The minister arrives at the summit in Brussels. (AFP Photo / Jane Doe)",
      "The minister arrives at the summit in Brussels. AP Photo/Jane Doe",
      "The minister arrives at the summit in Brussels. Getty Images",
      "The minister arrives at the summit in Brussels. Jane Doe/Pool via X",
      "The minister arrives at the summit in Brussels. Shutterstock",
      "The minister arrived at the summit earlier this year. Photo: Jane Doe",
  };
  for (std::string_view text : captions) EXPECT_EQ(reason_name(classify(text)), name(RemovalReason::kCaption)) << text;
  // An agency named in the tail without a slash, parenthesis or colon is no credit.
  EXPECT_EQ(reason_name(classify("The minister told AP Photo editors about the summit in Brussels")), "(none)");
}

// Bars split by each separator; a separator the line does not hold splits nothing.
TEST(FurnitureRules, NavigationBarsBySeparator) {
  const std::string_view bars[] = {"Home | World | Business", "Home|World|Business|Tech", "Home > World > Europe",
                                    "Home \u203A World \u203A Europe", "Home \u00BB World \u00BB Europe",
                                    "Home / World / Europe"};
  for (std::string_view text : bars) EXPECT_EQ(reason_name(classify(text)), name(RemovalReason::kNavigation)) << text;
  EXPECT_EQ(reason_name(classify("Home World Europe Today Now And Then")), "(none)");
}

// A bar's segments have at most 40 bytes: only the line's first bytes are searched for a
// separator, so a first segment of 40 bytes makes a bar and one of 41 does not, whatever the
// separator's length.
TEST(FurnitureRules, NavigationBarsFirstSegmentAtTheLimit) {
  for (std::string_view separator : {" | "sv, " > "sv, " / "sv, " \u203A "sv, " \u00BB "sv, "|"sv}) {
    for (std::size_t first = 36; first <= 44; ++first) {
      const std::string segment = "Ab" + std::string(first - 2, 'c');  // one word of `first` bytes
      std::string bar = segment;
      for (int i = 0; i < 3; ++i) bar += std::string(separator) + "World";
      const bool expected = first <= 40;
      EXPECT_EQ(reason_name(classify(bar)), expected ? name(RemovalReason::kNavigation) : "(none)") << bar;
      // The same with a later segment at the size.
      std::string later = "Home";
      for (int i = 0; i < 2; ++i) later += std::string(separator) + "World";
      later += std::string(separator) + segment;
      EXPECT_EQ(reason_name(classify(later)), expected ? name(RemovalReason::kNavigation) : "(none)") << later;
    }
  }
}

// The phrases that only confirm a rule ("us", "you", "below") are searched apart from the ones
// that open it: each rule still sees both.
TEST(FurnitureRules, PhrasesThatConfirmARule) {
  // A prompt with "us" in a long sentence; without it the sentence is news.
  EXPECT_EQ(reason_name(classify("Please download the app and tell us what you think about the new features we added "
                                 "for readers this week.")),
            name(RemovalReason::kSocial));
  EXPECT_EQ(reason_name(classify("The company said the app had been downloaded two million times by readers in the "
                                 "first week after launch.")),
            "(none)");
  // A policy named in a long sentence that speaks to the reader.
  EXPECT_EQ(reason_name(classify("By using this site you agree to the terms of use and to the way the site handles "
                                 "the data it keeps.")),
            name(RemovalReason::kLegal));
  EXPECT_EQ(reason_name(classify("The regulator said the terms of use had changed twice since the company was "
                                 "founded in the city.")),
            "(none)");
  EXPECT_EQ(reason_name(classify("Continue reading below")), name(RemovalReason::kAdvertisement));
  EXPECT_EQ(reason_name(classify("Continue to the next")), "(none)");
}

// A copyright sign is found in lines of any script, and "(c)" once its parenthesis is stripped.
TEST(FurnitureRules, CopyrightSignInAnyLine) {
  for (std::string_view text : {"\u00A9 2024 Example News", "Copyright \u00A9 Example", "\u4E2D\u6587 \u00A9 2024",
                                "\uD55C\uAD6D \u00A9 2024", "News \u00A9", "(c) 2024 Example News Ltd"})
    EXPECT_EQ(reason_name(classify(text)), name(RemovalReason::kLegal)) << text;
  EXPECT_EQ(reason_name(classify("\u4E2D\u6587 2024 \u4E2D\u6587")), "(none)");
}

TEST(FurnitureRules, UppercaseUsIsNotTheReaderAddressedUs) {
  EXPECT_EQ(reason_name(classify("Investors are increasingly worried about US tariffs on Chinese goods, "
                                 "analysts said on Monday.")),
            "(none)");
  EXPECT_EQ(reason_name(classify("He urged European countries to join US sanctions against Moscow.")), "(none)");
}

TEST(FurnitureRules, NewsAboutCopyrightIsNotALegalFooter) {
  EXPECT_EQ(reason_name(classify("The New York Times sued OpenAI and Microsoft for copyright infringement on "
                                 "Wednesday.")),
            "(none)");
}

TEST(FurnitureRules, RelatedHeaders) {
  for (std::string_view header : {"Related Stories", "Next In World", "Most Read", "Others Also Read",
                                  "You may also like:", "More from Business"}) {
    EXPECT_TRUE(is_related_header(describe(header))) << header;
  }
  for (std::string_view text : {"World", "Related stories are below.", "The related company said so"}) {
    EXPECT_FALSE(is_related_header(describe(text))) << text;
  }
}

// A related header is furniture, of a verdict may_be_related_header() names (the cleaner looks for
// headers only among such lines): whatever the marks before it, the case and the words around.
TEST(FurnitureRules, EveryRelatedHeaderHasAVerdictThatMayBeOne) {
  std::mt19937 random(3);
  const std::vector<std::string_view> pieces = {"related", "Related", "stories", "also", "read", "more", "in",
                                                "from", "next", "World", "most", "popular", "you", "may", "like",
                                                "by", "photo", "comments", ":", " ", " ", "\u2022 ", "- ", "|",
                                                "\u00BB", "(", ")", ".", "?", "'", "top", "news", "trending"};
  std::size_t headers = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string line = random_text(random, pieces, 1 + random() % 9);
    const LineShape shape = describe(line);
    if (!is_related_header(shape)) continue;
    ++headers;
    const std::optional<RemovalReason> verdict = classify_furniture(shape, line);
    ASSERT_TRUE(verdict.has_value()) << line;
    EXPECT_TRUE(may_be_related_header(*verdict)) << line;
  }
  EXPECT_GT(headers, 100u);
}

TEST(FurnitureRules, MenuItems) {
  for (std::string_view item : {"World", "Business News", "Tech", "Science And Health"}) {
    EXPECT_TRUE(is_menu_item(describe(item), item)) << item;
  }
  for (std::string_view text : {"the world", "World Cup 2026", "Markets, Business", "He left.",
                                "Four Capitalised Words Here", "Shr 19 cts vs 10 cts"}) {
    EXPECT_FALSE(is_menu_item(describe(text), text)) << text;
  }
}

TEST(FurnitureRules, HeadlineShapedLines) {
  for (std::string_view headline : {"Tonga PM Sovaleni resigns ahead of no confidence vote, local media reports",
                                    "Should you still learn to code in an AI world?",
                                    "Trump vows to pardon Jan. 6 defendants on Day One",
                                    "Stocks slip as traders weigh outlook for U.S."}) {
    EXPECT_TRUE(is_headline_shaped(describe(headline))) << headline;
  }
  for (std::string_view text : {"Shares of the company rose 5 pct on Monday after the results.",
                                "Related stories:", ""}) {
    EXPECT_FALSE(is_headline_shaped(describe(text))) << text;
  }
  std::string long_line;
  for (int i = 0; i < 30; ++i) long_line += "word ";
  EXPECT_FALSE(is_headline_shaped(describe(long_line)));
}

TEST(FurnitureRules, DatelineOnly) {
  for (std::string_view dateline : {"Reuters, Moscow :", "MOSCOW (Reuters) -", "LONDON (Reuters) \u2014"}) {
    EXPECT_TRUE(is_dateline_only(describe(dateline), dateline)) << dateline;
  }
  for (std::string_view text : {"The Kremlin said on Wednesday that talks had stalled.",
                                "MOSCOW (Reuters) - Russia said on Saturday it saw no grounds for talks.",
                                "reuters, moscow :", "Reuters, Moscow"}) {
    EXPECT_FALSE(is_dateline_only(describe(text), text)) << text;
  }
}

}  // namespace
}  // namespace newsdedup
