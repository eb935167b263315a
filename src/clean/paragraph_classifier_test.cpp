#include "clean/paragraph_classifier.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

#include "clean/document_language.h"

namespace newsdedup {
namespace {

// Classes of paragraphs judged as one page (the language chosen from all of them).
std::vector<TextClass> classes_of(std::initializer_list<std::string_view> paragraphs) {
  std::vector<LineShape> shapes;
  for (std::string_view p : paragraphs) shapes.push_back(describe(p));
  const StopWordProfile profile = profile_stop_words(shapes);
  std::vector<TextClass> out;
  for (std::size_t i = 0; i < shapes.size(); ++i)
    out.push_back(classify_text(shapes[i], profile.stop_words[i], profile.language.has_value()));
  return out;
}

constexpr std::string_view kProse =
    "The ferry left the harbour at dawn, and the crew said that it would be back before the storm reached "
    "the coast in the evening.";

TEST(ParagraphClassifier, ProseIsGood) {
  EXPECT_EQ(classes_of({kProse}).front(), TextClass::kGood);
}

TEST(ParagraphClassifier, ShortLinesAreShort) {
  const auto classes = classes_of({kProse, "Weather", "Harbour reopens after storm", "Share this"});
  EXPECT_EQ(classes[1], TextClass::kShort);
  EXPECT_EQ(classes[2], TextClass::kShort);
  EXPECT_EQ(classes[3], TextClass::kShort);
}

TEST(ParagraphClassifier, LongHeadlineWithStopWordsIsNearGoodWithoutThemBad) {
  const auto classes = classes_of({kProse,
                                   "Why the ferry that left the harbour at dawn was back before the storm reached it",
                                   "Harbour Authority Ferry Timetable Winter Schedule Northern Routes Coastal Services"});
  EXPECT_EQ(classes[1], TextClass::kNearGood);
  EXPECT_EQ(classes[2], TextClass::kBad);
}

TEST(ParagraphClassifier, LongLinkListIsBad) {
  const auto classes = classes_of(
      {kProse, "Politics Business Markets Technology Science Health Sport Culture Travel Opinion Video Podcasts "
               "Weather Obituaries Crosswords Newsletters Events Jobs Classifieds Archive Contact Advertise"});
  EXPECT_EQ(classes[1], TextClass::kBad);
}

TEST(ParagraphClassifier, WithoutALanguageLengthAndPunctuationDecide) {
  // Indonesian prose: no stop-word list fits, so a long line ending like a sentence is good.
  const auto classes = classes_of(
      {"Kapal feri meninggalkan pelabuhan saat fajar dan awak kapal mengatakan bahwa mereka akan kembali sebelum "
       "badai datang ke kota itu.",
       "Beranda Berita Olahraga"});
  EXPECT_EQ(classes[0], TextClass::kGood);
  EXPECT_EQ(classes[1], TextClass::kShort);
}

TEST(ParagraphClassifier, WideScriptsAreMeasuredByWhatTheyCarry) {
  // Forty Han characters weigh as 120 Latin letters: long enough to judge, and ending in 。
  std::string han;
  for (int i = 0; i < 40; ++i) han += "\u6E2F";
  han += "\u3002";
  const LineShape shape = describe(han);
  EXPECT_GE(shape.weighted_length, 120u);
  EXPECT_EQ(classify_text(shape, 0, /*language_known=*/false), TextClass::kGood);
}

TEST(ParagraphClassifier, ContextSettlesShortLinesByTheirNeighbours) {
  using C = TextClass;
  // Between good ones: good (a sub-heading); between good and bad: bad (a label after the text).
  std::vector<C> classes = {C::kGood, C::kShort, C::kGood, C::kShort, C::kBad};
  resolve_by_context(classes, std::vector<std::uint8_t>(classes.size(), 0));
  EXPECT_EQ(classes, (std::vector<C>{C::kGood, C::kGood, C::kGood, C::kBad, C::kBad}));
}

TEST(ParagraphClassifier, ShortLineNextToNearGoodTextIsGood) {
  using C = TextClass;
  // The bad side goes on through a near-good paragraph, so the text has not ended there.
  std::vector<C> classes = {C::kGood, C::kShort, C::kNearGood, C::kBad};
  resolve_by_context(classes, std::vector<std::uint8_t>(classes.size(), 0));
  EXPECT_EQ(classes[1], C::kGood);
}

TEST(ParagraphClassifier, NearGoodIsBadOnlyBetweenBadNeighbours) {
  using C = TextClass;
  std::vector<C> classes = {C::kGood, C::kShort, C::kNearGood, C::kShort, C::kGood, C::kNearGood, C::kBad,
                            C::kNearGood, C::kBad};
  resolve_by_context(classes, std::vector<std::uint8_t>(classes.size(), 0));
  EXPECT_EQ(classes, (std::vector<C>{C::kGood, C::kGood, C::kGood, C::kGood, C::kGood, C::kGood, C::kBad,
                                     C::kBad, C::kBad}));
}

TEST(ParagraphClassifier, FurnitureIsABadNeighbour) {
  using C = TextClass;
  std::vector<C> classes = {C::kGood, C::kShort, C::kShort, C::kGood};
  resolve_by_context(classes, std::vector<std::uint8_t>{0, 0, 1, 0});
  EXPECT_EQ(classes[1], C::kBad);  // its next judged neighbour is furniture
  EXPECT_EQ(classes[3], C::kGood);
}

// The passes as jusText describes them, one array per neighbour: what resolve_by_context() must
// agree with.
std::vector<TextClass> resolved_by_definition(std::vector<TextClass> classes, const std::vector<std::uint8_t>& furniture) {
  using C = TextClass;
  const std::size_t n = classes.size();
  const auto nearest = [&](auto skip, std::vector<C>& before, std::vector<C>& after) {
    before.assign(n, C::kBad);
    after.assign(n, C::kBad);
    C last = C::kBad;
    for (std::size_t i = 0; i < n; ++i) {
      before[i] = last;
      if (furniture[i]) last = C::kBad;
      else if (!skip(classes[i])) last = classes[i];
    }
    last = C::kBad;
    for (std::size_t i = n; i-- > 0;) {
      after[i] = last;
      if (furniture[i]) last = C::kBad;
      else if (!skip(classes[i])) last = classes[i];
    }
  };
  std::vector<C> judged_before, judged_after, adjacent_before, adjacent_after;
  nearest([](C c) { return c == C::kShort || c == C::kNearGood; }, judged_before, judged_after);
  nearest([](C c) { return c == C::kShort; }, adjacent_before, adjacent_after);
  std::vector<C> resolved = classes;
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || classes[i] != C::kShort) continue;
    const bool good_before = judged_before[i] == C::kGood;
    const bool good_after = judged_after[i] == C::kGood;
    if (good_before && good_after) resolved[i] = C::kGood;
    else if (!good_before && !good_after) resolved[i] = C::kBad;
    else if ((!good_before && adjacent_before[i] == C::kNearGood) || (!good_after && adjacent_after[i] == C::kNearGood))
      resolved[i] = C::kGood;
    else resolved[i] = C::kBad;
  }
  classes = resolved;
  nearest([](C c) { return c == C::kNearGood; }, judged_before, judged_after);
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || classes[i] != C::kNearGood) continue;
    classes[i] = judged_before[i] != C::kGood && judged_after[i] != C::kGood ? C::kBad : C::kGood;
  }
  return classes;
}

TEST(ParagraphClassifier, ContextPassesAgreeWithTheirDefinitionOnRandomPages) {
  std::mt19937 random(5);
  for (int trial = 0; trial < 5000; ++trial) {
    const std::size_t n = random() % 40;
    std::vector<TextClass> classes(n);
    std::vector<std::uint8_t> furniture(n);
    for (std::size_t i = 0; i < n; ++i) {
      classes[i] = static_cast<TextClass>(random() % 4);
      furniture[i] = random() % 4 == 0;
    }
    const std::vector<TextClass> expected = resolved_by_definition(classes, furniture);
    resolve_by_context(classes, furniture);
    ASSERT_EQ(classes, expected) << trial;
  }
}

}  // namespace
}  // namespace newsdedup
