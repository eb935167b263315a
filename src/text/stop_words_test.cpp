#include "text/stop_words.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/test_random_text.h"
#include "text/word_hash.h"

namespace newsdedup {
namespace {

bool is_stop_word(std::string_view word, Language language) {
  return (stop_word_languages(word) & language_bit(language)) != 0;
}

TEST(StopWords, EachLanguageHasItsFunctionWords) {
  EXPECT_TRUE(is_stop_word("the", Language::kEnglish));
  EXPECT_TRUE(is_stop_word("would", Language::kEnglish));
  EXPECT_TRUE(is_stop_word("avec", Language::kFrench));
  EXPECT_TRUE(is_stop_word("nicht", Language::kGerman));
  EXPECT_TRUE(is_stop_word("pero", Language::kSpanish));
  EXPECT_TRUE(is_stop_word("n\u00E3o", Language::kPortuguese));
  EXPECT_TRUE(is_stop_word("perch\u00E9", Language::kItalian));
  EXPECT_TRUE(is_stop_word("\u043A\u043E\u0433\u0434\u0430", Language::kRussian));  // когда
}

TEST(StopWords, OneWordCanBelongToSeveralLanguages) {
  const LanguageMask de = stop_word_languages("de");
  EXPECT_TRUE(de & language_bit(Language::kFrench));
  EXPECT_TRUE(de & language_bit(Language::kSpanish));
  EXPECT_TRUE(de & language_bit(Language::kPortuguese));
  EXPECT_FALSE(de & language_bit(Language::kEnglish));
}

TEST(StopWords, ContentWordsNumbersAndEmptyAreNot) {
  for (std::string_view word : {"harbour", "ferry", "minister", "2024", "", "x1000", "\u043F\u043E\u0440\u0442"})
    EXPECT_EQ(stop_word_languages(word), 0) << word;
}

TEST(StopWords, CaseIsFoldedForAsciiLatin1AndCyrillic) {
  EXPECT_TRUE(is_stop_word("The", Language::kEnglish));
  EXPECT_TRUE(is_stop_word("WITH", Language::kEnglish));
  EXPECT_TRUE(is_stop_word("\u00C9t\u00C9", Language::kFrench));                    // ÉtÉ -> été
  EXPECT_TRUE(is_stop_word("\u041A\u043E\u0433\u0434\u0430", Language::kRussian));  // Когда
  EXPECT_TRUE(is_stop_word("\u042D\u0422\u041E", Language::kRussian));              // ЭТО
}

TEST(StopWords, ApostrophesAndElidedArticles) {
  EXPECT_TRUE(is_stop_word("don't", Language::kEnglish));
  EXPECT_TRUE(is_stop_word("don\u2019t", Language::kEnglish));  // typographic apostrophe
  EXPECT_TRUE(is_stop_word("l'homme", Language::kFrench));      // the elided article counts
  EXPECT_TRUE(is_stop_word("dell'anno", Language::kItalian));
  EXPECT_TRUE(is_stop_word("qu\u2019il", Language::kFrench));
  EXPECT_EQ(stop_word_languages("harbour's"), 0);
}

// count_stop_words() on `words`, looked up as plain words or not.
LanguageCounts count(const std::vector<std::string_view>& words, bool plain, LanguageCounts counts = {}) {
  std::vector<std::uint64_t> hashes;
  for (std::string_view word : words) hashes.push_back(word_hash(word));
  count_stop_words(words, hashes, plain, counts);
  return counts;
}

TEST(StopWords, CountsPerLanguage) {
  const std::vector<std::string_view> words = {"the", "ferry", "left", "the", "harbour", "with", "la", "gente"};
  const LanguageCounts counts = count(words, true);
  EXPECT_EQ(count(words, false), counts);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kEnglish)], 3u);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kSpanish)], 1u);  // "la"
}

// Counts are kept a byte per language while counting: far more than 255 stop words, in one
// language and in several at once, must still add up.
TEST(StopWords, CountsPastAByte) {
  std::vector<std::string_view> words;
  for (int i = 0; i < 1000; ++i) {
    words.push_back("the");  // English
    words.push_back("a");    // English, French, Spanish, Portuguese, Italian
    words.push_back("ferry");
  }
  const LanguageCounts counts = count(words, true, {5, 0, 0, 0, 0, 0, 0});  // adds to what is there
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kEnglish)], 2005u);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kFrench)], 1000u);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kItalian)], 1000u);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kGerman)], 0u);
}

// Words that are stop words only once folded count when the words are not said to be plain.
TEST(StopWords, CountsFoldedWordsUnlessPlain) {
  const std::vector<std::string_view> words = {"Die", "l'homme", "qu\u2019il", "\u00C0", "harbour's"};
  const LanguageCounts counts = count(words, false);
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kGerman)], 1u);  // "die"
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kFrench)], 3u);  // "l'", "qu'", "à"
  EXPECT_EQ(counts[static_cast<std::size_t>(Language::kEnglish)], 0u);
}

// Words tested for folding 16 bytes at a time (padded) count as when tested byte by byte, and
// as stop_word_languages() finds them one by one: words of up to 16 bytes and longer, with
// apostrophes, capitals and letters beyond ASCII anywhere in them, and bytes after each word
// that would need folding if they were its own.
TEST(StopWords, PaddedWordsCountAsAnyWords) {
  std::mt19937 random(9);
  const std::vector<std::string_view> pieces = {"a", "e", "l", "s", "t", "h", "d", "i", "n", "o", "'", "A", "T",
                                                "\u2019", "\u00E0", "\u00C0", "\u00C9", "\u0418", "\u043D"};
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;  // the words one after the other, each ended by a byte that needs folding
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::size_t count = 1 + random() % 40;
    for (std::size_t w = 0; w < count; ++w) {
      const std::string word = random_text(random, pieces, 1 + random() % (random() % 4 == 0 ? 12 : 4));
      spans.emplace_back(text.size(), word.size());
      text += word;
      text += "'";
    }
    text.append(kWordHashPadding, 'Q');
    std::vector<std::string_view> words;
    std::vector<std::uint64_t> hashes;
    for (const auto& [start, size] : spans) {
      words.push_back(std::string_view(text).substr(start, size));
      hashes.push_back(word_hash(words.back()));
    }
    LanguageCounts any{}, padded{}, one_by_one{};
    count_stop_words(words, hashes, false, any);
    count_padded_stop_words(words, hashes, false, padded);
    ASSERT_EQ(padded, any) << text;
    const std::uint64_t lanes = count_padded_stop_word_lanes(words, hashes, false);
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
      ASSERT_EQ((lanes >> (8 * language)) & 0xFF, any[language]) << text;
    ASSERT_EQ(lanes >> (8 * kStopWordLanguageCount), 0u) << text;
    ASSERT_EQ(StopWordLaneCounter()(words, hashes, false), lanes) << text;
    // Counted in a line, each word is what stop_word_languages() says alone.
    for (const std::string_view word : words)
      for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
        one_by_one[language] += (stop_word_languages(word) >> language) & 1u;
    ASSERT_EQ(any, one_by_one) << text;
  }
}

// The counter's inline loop for plain lines counts as count_stop_words() does.
TEST(StopWords, LaneCounterCountsPlainLinesAsAnyLines) {
  std::mt19937 random(5);
  const std::vector<std::string_view> vocabulary = {"the", "a", "la", "le", "der", "und", "que", "il", "in",
                                                    "ferry", "port", "harbour", "per", "com", "non", "zu", "x"};
  const StopWordLaneCounter count_lanes;
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<std::string_view> words(random() % 256);
    std::vector<std::uint64_t> hashes;
    for (std::string_view& word : words) {
      word = vocabulary[random() % vocabulary.size()];
      hashes.push_back(word_hash(word));
    }
    LanguageCounts counts{};
    count_stop_words(words, hashes, true, counts);
    const std::uint64_t lanes = count_lanes(words, hashes, true);
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
      ASSERT_EQ((lanes >> (8 * language)) & 0xFF, counts[language]) << trial;
    ASSERT_EQ(lanes >> (8 * kStopWordLanguageCount), 0u) << trial;
  }
}

// A word whose length and first letter no stop word has is still found by its elided article.
TEST(StopWords, LongElidedWordsAreFoundByTheirArticle) {
  EXPECT_TRUE(is_stop_word("l'organisation", Language::kFrench));
  EXPECT_TRUE(is_stop_word("l\u2019organisation", Language::kFrench));
  EXPECT_TRUE(is_stop_word("nell\u2019organizzazione", Language::kItalian));
  EXPECT_EQ(stop_word_languages("xylophones"), 0);
}

}  // namespace
}  // namespace newsdedup
