#include "clean/phrase_set.h"

#include <gtest/gtest.h>

namespace newsdedup {
namespace {

bool matches(const PhraseSet& set, const LineShape& line) { return set.groups_in(line) != 0; }

TEST(PhraseSet, MatchesWholeWordPhrases) {
  const PhraseSet set = PhraseSet::from_groups({{"follow us", "subscribe", "privacy policy"}});
  EXPECT_TRUE(matches(set, describe("Follow us on Twitter")));
  EXPECT_TRUE(matches(set, describe("Please SUBSCRIBE today")));
  EXPECT_TRUE(matches(set, describe("Read our Privacy Policy.")));
  EXPECT_TRUE(matches(set, describe("Terms | Privacy Policy")));
}

TEST(PhraseSet, DoesNotMatchInsideWordsOrPartialPhrases) {
  const PhraseSet set = PhraseSet::from_groups({{"follow us", "subscribe", "privacy policy"}});
  EXPECT_FALSE(matches(set, describe("He subscribed to the issue.")));
  EXPECT_FALSE(matches(set, describe("Resubscribe later")));
  EXPECT_FALSE(matches(set, describe("They follow the rules")));
  EXPECT_FALSE(matches(set, describe("Follow")));  // phrase longer than the line
  EXPECT_FALSE(matches(set, describe("privacy and policy")));
  EXPECT_FALSE(matches(set, describe("")));
}

TEST(PhraseSet, PhrasesSharingAFirstWord) {
  const PhraseSet set = PhraseSet::from_groups({{"sign up", "sign in", "sign up now"}});
  EXPECT_TRUE(matches(set, describe("Sign in")));
  EXPECT_TRUE(matches(set, describe("please sign up")));
  EXPECT_FALSE(matches(set, describe("sign the petition")));
  EXPECT_FALSE(matches(set, describe("sign")));
}

TEST(PhraseSet, GroupsInReportsEveryGroupThatOccurs) {
  const PhraseSet set = PhraseSet::from_groups({{"follow us", "subscribe"}, {"us"}, {"privacy policy"}, {"sign up"}});
  EXPECT_EQ(set.groups_in(describe("Follow us on Twitter")), 0b0011u);
  EXPECT_EQ(set.groups_in(describe("Subscribe | Privacy Policy")), 0b0101u);
  EXPECT_EQ(set.groups_in(describe("Sign in")), 0u);
  EXPECT_EQ(set.groups_in(describe("")), 0u);
  EXPECT_TRUE(matches(set, describe("please sign up")));
  EXPECT_FALSE(matches(set, describe("follow the rules")));
}

TEST(PhraseSet, APhraseInSeveralGroups) {
  const PhraseSet set = PhraseSet::from_groups({{"cookie settings", "terms of use"}, {"cookie settings"}});
  EXPECT_EQ(set.groups_in(describe("Cookie Settings")), 0b11u);
  EXPECT_EQ(set.groups_in(describe("Terms of Use")), 0b01u);
}

// Words that share a first word's first byte, length or last byte are other words all the same.
TEST(PhraseSet, WordsLikeAFirstWordAreNotIt) {
  const PhraseSet set = PhraseSet::from_groups({{"tap here", "the app"}});
  EXPECT_TRUE(matches(set, describe("Tap here to read")));
  EXPECT_TRUE(matches(set, describe("Get the app")));
  EXPECT_FALSE(matches(set, describe("tax here")));
  EXPECT_FALSE(matches(set, describe("ta0 here")));
  EXPECT_FALSE(matches(set, describe("top here")));
  EXPECT_FALSE(matches(set, describe("the apps")));
}

// A phrase is found by its longest word: the words before and after it must be in the line too,
// whether it opens or closes the line.
TEST(PhraseSet, PhrasesFoundByALaterWordAtTheLinesEdges) {
  const PhraseSet set = PhraseSet::from_groups({{"the app", "us on facebook", "about us"}});
  EXPECT_TRUE(matches(set, describe("the app")));
  EXPECT_TRUE(matches(set, describe("Get the app")));
  EXPECT_TRUE(matches(set, describe("Follow us on Facebook")));
  EXPECT_TRUE(matches(set, describe("us on facebook today")));
  EXPECT_TRUE(matches(set, describe("About us")));
  EXPECT_FALSE(matches(set, describe("app")));
  EXPECT_FALSE(matches(set, describe("an app")));
  EXPECT_FALSE(matches(set, describe("on facebook")));
  EXPECT_FALSE(matches(set, describe("we on facebook")));
  EXPECT_FALSE(matches(set, describe("us on")));
  EXPECT_FALSE(matches(set, describe("about")));
  EXPECT_FALSE(matches(set, describe("about them")));
}

}  // namespace
}  // namespace newsdedup
