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

}  // namespace
}  // namespace newsdedup
