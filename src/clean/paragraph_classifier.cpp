#include "clean/paragraph_classifier.h"

#include <memory_resource>

#include "clean/stack_arena.h"

namespace newsdedup {
namespace {

// Weighted characters below which a paragraph is too short to judge on its own (jusText's
// length_low), and above which a paragraph with enough stop words is text even without a
// final stop (jusText's length_high).
constexpr std::size_t kShortLength = 70;
constexpr std::size_t kLongLength = 200;
// A sentence has at least this many words.
constexpr std::size_t kMinSentenceWords = 6;
// Share of stop words at or above which words read as running text. Prose in every listed
// language has 25-50%; headlines and lists of names have a few percent.
constexpr double kMinStopWordDensity = 0.2;

}  // namespace

TextClass classify_text(const LineShape& paragraph, std::uint32_t stop_words, bool language_known) {
  const std::size_t length = paragraph.weighted_length;
  const std::size_t words = paragraph.word_count();
  // Numbers are no language's words: the share is taken of the words made of letters.
  const std::size_t lettered = paragraph.alphabetic_words;
  const bool wordy = !language_known || (lettered > 0 && static_cast<double>(stop_words) >=
                                                              kMinStopWordDensity * static_cast<double>(lettered));
  // Scripts without spaces between words make one "word" of a sentence: their length says it.
  const bool sentence_sized = words >= kMinSentenceWords || (!language_known && length >= kShortLength);
  if (sentence_sized && wordy && (paragraph.ends_with_sentence_punctuation || length >= kLongLength))
    return TextClass::kGood;
  if (length < kShortLength) return TextClass::kShort;
  if (wordy && length < kLongLength) return TextClass::kNearGood;
  return TextClass::kBad;
}

void resolve_by_context(std::vector<TextClass>& classes, const std::vector<bool>& furniture_bits) {
  const std::size_t n = classes.size();
  StackArena<4096> arena;  // six arrays of a byte per paragraph: a page's worth without the heap
  // Read six times per paragraph below: as bytes, not bits to extract each time.
  const std::pmr::vector<unsigned char> furniture(furniture_bits.begin(), furniture_bits.end(), arena.resource());
  // For each paragraph, the class of the nearest paragraph before (after) it whose class is
  // not skipped; furniture and the page's edges count as bad.
  const auto nearest = [&](auto skip, std::pmr::vector<TextClass>& before, std::pmr::vector<TextClass>& after) {
    before.assign(n, TextClass::kBad);
    after.assign(n, TextClass::kBad);
    TextClass last = TextClass::kBad;
    for (std::size_t i = 0; i < n; ++i) {
      before[i] = last;
      if (furniture[i]) last = TextClass::kBad;
      else if (!skip(classes[i])) last = classes[i];
    }
    last = TextClass::kBad;
    for (std::size_t i = n; i-- > 0;) {
      after[i] = last;
      if (furniture[i]) last = TextClass::kBad;
      else if (!skip(classes[i])) last = classes[i];
    }
  };
  std::pmr::vector<TextClass> judged_before(arena.resource()), judged_after(arena.resource());      // nearest good or bad
  std::pmr::vector<TextClass> adjacent_before(arena.resource()), adjacent_after(arena.resource());  // nearest good, bad or near-good
  nearest([](TextClass c) { return c == TextClass::kShort || c == TextClass::kNearGood; }, judged_before, judged_after);
  nearest([](TextClass c) { return c == TextClass::kShort; }, adjacent_before, adjacent_after);
  // Short paragraphs first: good between good neighbours, bad between bad ones; with one of
  // each, good when the text on the bad side goes on through a near-good paragraph, else bad.
  std::pmr::vector<TextClass> resolved(classes.begin(), classes.end(), arena.resource());
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || classes[i] != TextClass::kShort) continue;
    const bool good_before = judged_before[i] == TextClass::kGood;
    const bool good_after = judged_after[i] == TextClass::kGood;
    if (good_before && good_after) resolved[i] = TextClass::kGood;
    else if (!good_before && !good_after) resolved[i] = TextClass::kBad;
    else if ((!good_before && adjacent_before[i] == TextClass::kNearGood) ||
             (!good_after && adjacent_after[i] == TextClass::kNearGood))
      resolved[i] = TextClass::kGood;
    else resolved[i] = TextClass::kBad;
  }
  // Then near-good paragraphs, with the short ones settled: bad only between bad neighbours.
  for (std::size_t i = 0; i < n; ++i)
    if (classes[i] == TextClass::kShort) classes[i] = resolved[i];
  nearest([](TextClass c) { return c == TextClass::kNearGood; }, judged_before, judged_after);
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || classes[i] != TextClass::kNearGood) continue;
    const bool bad_both_sides = judged_before[i] != TextClass::kGood && judged_after[i] != TextClass::kGood;
    classes[i] = bad_both_sides ? TextClass::kBad : TextClass::kGood;
  }
}

}  // namespace newsdedup
