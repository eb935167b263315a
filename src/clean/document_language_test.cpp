#include "clean/document_language.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace newsdedup {
namespace {

StopWordProfile profile_of(std::initializer_list<std::string_view> paragraphs) {
  std::vector<LineShape> shapes;
  for (std::string_view p : paragraphs) shapes.push_back(describe(p));
  return profile_stop_words(shapes);
}

TEST(DocumentLanguage, PicksTheListTheProseHits) {
  struct Case {
    std::string_view text;
    Language language;
  };
  const Case cases[] = {
      {"The ferry left the harbour at dawn, and the crew said that it would be back before the storm.",
       Language::kEnglish},
      {"Le bateau a quitt\u00E9 le port \u00E0 l'aube, et l'\u00E9quipage a dit qu'il serait de retour avant la "
       "temp\u00EAte.",
       Language::kFrench},
      {"Die F\u00E4hre hat den Hafen im Morgengrauen verlassen, und die Besatzung sagte, dass sie vor dem Sturm "
       "zur\u00FCck sein werde.",
       Language::kGerman},
      {"El barco sali\u00F3 del puerto al amanecer y la tripulaci\u00F3n dijo que estar\u00EDa de vuelta antes "
       "de la tormenta.",
       Language::kSpanish},
      {"O barco deixou o porto ao amanhecer e a tripula\u00E7\u00E3o disse que estaria de volta antes da "
       "tempestade, como sempre.",
       Language::kPortuguese},
      {"Il traghetto ha lasciato il porto all'alba e l'equipaggio ha detto che sarebbe tornato prima della "
       "tempesta.",
       Language::kItalian},
      {"\u041F\u0430\u0440\u043E\u043C \u0443\u0448\u0435\u043B \u0438\u0437 \u043F\u043E\u0440\u0442\u0430 "
       "\u043D\u0430 \u0440\u0430\u0441\u0441\u0432\u0435\u0442\u0435, \u0438 \u043A\u043E\u043C\u0430\u043D"
       "\u0434\u0430 \u0441\u043A\u0430\u0437\u0430\u043B\u0430, \u0447\u0442\u043E \u043E\u043D\u0430 "
       "\u0432\u0435\u0440\u043D\u0435\u0442\u0441\u044F \u0434\u043E \u0431\u0443\u0440\u0438, \u043A\u0430"
       "\u043A \u0438 \u0432\u0441\u0435\u0433\u0434\u0430.",
       Language::kRussian},
  };
  for (const Case& c : cases) {
    const StopWordProfile profile = profile_of({"Home", "News", c.text});
    ASSERT_TRUE(profile.language.has_value()) << c.text;
    EXPECT_EQ(*profile.language, c.language) << c.text;
    EXPECT_GT(profile.stop_words[2], 3u) << c.text;
    EXPECT_EQ(profile.stop_words[0], 0u);
  }
}

TEST(DocumentLanguage, NoListFitsAPageInAnotherLanguage) {
  // Indonesian and Korean prose: a word or two may look listed, far too few to choose a list.
  EXPECT_FALSE(profile_of({"Kapal feri meninggalkan pelabuhan saat fajar dan awak kapal mengatakan bahwa mereka "
                           "akan kembali sebelum badai datang ke kota itu."})
                   .language.has_value());
  const StopWordProfile korean =
      profile_of({"\uC5EC\uAC1D\uC120\uC740 \uC0C8\uBCBD\uC5D0 \uD56D\uAD6C\uB97C \uB5A0\uB0AC\uACE0 \uC120\uC6D0"
                  "\uB4E4\uC740 \uD3ED\uD48D\uC774 \uC624\uAE30 \uC804\uC5D0 \uB3CC\uC544\uC624\uACA0\uB2E4\uACE0 "
                  "\uB9D0\uD588\uB2E4 \uADF8\uB9AC\uACE0 \uBAA8\uB450 \uAE30\uB2E4\uB838\uB2E4."});
  EXPECT_FALSE(korean.language.has_value());
  ASSERT_EQ(korean.stop_words.size(), 1u);
  EXPECT_EQ(korean.stop_words[0], 0u);
}

// The profile against each paragraph counted alone and a vote taken over those counts: pages of
// few and many paragraphs, some of more words than a byte counts, some far larger in all than
// 65,535 words, in one language or a mix.
TEST(DocumentLanguage, CountsAsEachParagraphAlone) {
  std::mt19937 random(11);
  const std::vector<std::string_view> vocabulary = {"the", "and", "of", "la", "le", "et", "der", "und", "que", "el",
                                                    "il", "che", "\u0438", "a", "ferry", "harbour", "port", "storm"};
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<std::string> texts(1 + random() % (trial % 6 == 0 ? 400 : 30));
    std::size_t first_word = random() % vocabulary.size(), spread = 1 + random() % vocabulary.size();
    if (trial % 12 == 0) {  // some 150,000 words: 60% English stop words, 40% French and Italian
      texts.resize(3000);
      first_word = 0;
      spread = 5;
    }
    for (std::string& text : texts) {
      const std::size_t words = trial % 12 == 0     ? 1 + random() % 100
                                : random() % 8 == 0 ? 200 + random() % 200
                                                    : 1 + random() % 30;
      for (std::size_t w = 0; w < words; ++w) {
        if (w > 0) text += ' ';
        text += vocabulary[(first_word + random() % spread) % vocabulary.size()];
      }
    }
    std::vector<LineShape> shapes;
    std::vector<std::uint8_t> skip;
    for (const std::string& text : texts) {
      shapes.push_back(describe(text));
      skip.push_back(random() % 5 == 0);
    }
    const StopWordProfile profile = profile_stop_words(shapes, skip);
    std::vector<LanguageCounts> counts(shapes.size());
    LanguageCounts votes{}, all{};
    std::size_t voting_words = 0, all_words = 0;
    for (std::size_t p = 0; p < shapes.size(); ++p) {
      if (skip[p]) continue;
      count_stop_words(shapes[p].words, shapes[p].word_hashes, shapes[p].plain_words, counts[p]);
      const bool voting = shapes[p].word_count() >= 10;
      for (std::size_t language = 0; language < kStopWordLanguageCount; ++language) {
        all[language] += counts[p][language];
        if (voting) votes[language] += counts[p][language];
      }
      all_words += shapes[p].word_count();
      if (voting) voting_words += shapes[p].word_count();
    }
    if (voting_words == 0) votes = all, voting_words = all_words;
    const auto best = static_cast<std::size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    const bool fits = voting_words > 0 && votes[best] >= 0.08 * static_cast<double>(voting_words);
    ASSERT_EQ(profile.language.has_value(), fits) << trial;
    if (fits) {
      ASSERT_EQ(static_cast<std::size_t>(*profile.language), best) << trial;
    }
    for (std::size_t p = 0; p < shapes.size(); ++p)
      ASSERT_EQ(profile.stop_words[p], fits ? counts[p][best] : 0u) << trial << " " << p;
  }
}

TEST(DocumentLanguage, EmptyPage) {
  const StopWordProfile profile = profile_of({});
  EXPECT_FALSE(profile.language.has_value());
  EXPECT_TRUE(profile.stop_words.empty());
}

}  // namespace
}  // namespace newsdedup
