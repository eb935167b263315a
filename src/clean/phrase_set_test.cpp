#include "clean/phrase_set.h"

#include <gtest/gtest.h>

namespace newsdedup {
namespace {

TEST(PhraseSet, MatchesWholeWordPhrases) {
  const PhraseSet set = {"follow us", "subscribe", "privacy policy"};
  EXPECT_TRUE(set.matches(describe("Follow us on Twitter")));
  EXPECT_TRUE(set.matches(describe("Please SUBSCRIBE today")));
  EXPECT_TRUE(set.matches(describe("Read our Privacy Policy.")));
  EXPECT_TRUE(set.matches(describe("Terms | Privacy Policy")));
}

TEST(PhraseSet, DoesNotMatchInsideWordsOrPartialPhrases) {
  const PhraseSet set = {"follow us", "subscribe", "privacy policy"};
  EXPECT_FALSE(set.matches(describe("He subscribed to the issue.")));
  EXPECT_FALSE(set.matches(describe("Resubscribe later")));
  EXPECT_FALSE(set.matches(describe("They follow the rules")));
  EXPECT_FALSE(set.matches(describe("Follow")));  // phrase longer than the line
  EXPECT_FALSE(set.matches(describe("privacy and policy")));
  EXPECT_FALSE(set.matches(describe("")));
}

TEST(PhraseSet, PhrasesSharingAFirstWord) {
  const PhraseSet set = {"sign up", "sign in", "sign up now"};
  EXPECT_TRUE(set.matches(describe("Sign in")));
  EXPECT_TRUE(set.matches(describe("please sign up")));
  EXPECT_FALSE(set.matches(describe("sign the petition")));
  EXPECT_FALSE(set.matches(describe("sign")));
}

TEST(PhraseSet, GroupsInReportsEveryGroupThatOccurs) {
  const PhraseSet set = PhraseSet::from_groups({{"follow us", "subscribe"}, {"us"}, {"privacy policy"}, {"sign up"}});
  EXPECT_EQ(set.groups_in(describe("Follow us on Twitter")), 0b0011u);
  EXPECT_EQ(set.groups_in(describe("Subscribe | Privacy Policy")), 0b0101u);
  EXPECT_EQ(set.groups_in(describe("Sign in")), 0u);
  EXPECT_EQ(set.groups_in(describe("")), 0u);
  EXPECT_TRUE(set.matches(describe("please sign up")));
  EXPECT_FALSE(set.matches(describe("follow the rules")));
}

TEST(PhraseSet, APhraseInSeveralGroups) {
  const PhraseSet set = PhraseSet::from_groups({{"cookie settings", "terms of use"}, {"cookie settings"}});
  EXPECT_EQ(set.groups_in(describe("Cookie Settings")), 0b11u);
  EXPECT_EQ(set.groups_in(describe("Terms of Use")), 0b01u);
}

// Words turned away by first byte, length and last byte, and words that pass those tests
// (the last byte's low bits shared: "p" and "0") but are other words.
TEST(PhraseSet, WordsLikeAFirstWordAreNotIt) {
  const PhraseSet set = {"tap here", "the app"};
  EXPECT_TRUE(set.matches(describe("Tap here to read")));
  EXPECT_TRUE(set.matches(describe("Get the app")));
  EXPECT_FALSE(set.matches(describe("tax here")));
  EXPECT_FALSE(set.matches(describe("ta0 here")));
  EXPECT_FALSE(set.matches(describe("top here")));
  EXPECT_FALSE(set.matches(describe("the apps")));
}

}  // namespace
}  // namespace newsdedup
