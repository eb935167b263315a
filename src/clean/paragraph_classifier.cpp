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

void resolve_by_context(std::span<TextClass> classes, std::span<const std::uint8_t> furniture) {
  const std::size_t n = classes.size();
  // Each pass pairs a paragraph with its nearest neighbour before (found going forwards, kept
  // here) and after (found going backwards, where the paragraph is then settled), whose class is
  // not skipped; furniture and the page's edges count as bad. The classes a backward pass
  // settles are of the kind its neighbours skip, so settling one never changes what the
  // paragraphs before it see.
  StackArena<1024> arena;
  std::pmr::vector<std::uint8_t> before(n, 0, arena.resource());
  constexpr auto kBad = static_cast<std::uint8_t>(TextClass::kBad);
  const auto byte = [](TextClass c) { return static_cast<std::uint8_t>(c); };
  // Short paragraphs first, between their nearest good or bad neighbours ("judged") and their
  // nearest good, bad or near-good ones ("adjacent"): good between good neighbours, bad between
  // bad ones; with one of each, good when the text on the bad side goes on through a near-good
  // paragraph, else bad. Byte i of `before`: judged | adjacent << 2.
  std::uint8_t judged = kBad;
  std::uint8_t adjacent = kBad;
  for (std::size_t i = 0; i < n; ++i) {
    before[i] = static_cast<std::uint8_t>(judged | adjacent << 2);
    const TextClass c = classes[i];
    if (furniture[i]) {
      judged = adjacent = kBad;
    } else if (c != TextClass::kShort) {
      adjacent = byte(c);
      if (c != TextClass::kNearGood) judged = byte(c);
    }
  }
  constexpr auto kGood = static_cast<std::uint8_t>(TextClass::kGood);
  constexpr auto kNearGood = static_cast<std::uint8_t>(TextClass::kNearGood);
  judged = adjacent = kBad;
  for (std::size_t i = n; i-- > 0;) {
    const TextClass c = classes[i];
    if (furniture[i]) {
      judged = adjacent = kBad;
      continue;
    }
    if (c == TextClass::kShort) {
      const bool good_before = (before[i] & 3) == kGood;
      const bool good_after = judged == kGood;
      const bool near_good_on_bad_side =
          (!good_before && (before[i] >> 2) == kNearGood) || (!good_after && adjacent == kNearGood);
      classes[i] = good_before && good_after                    ? TextClass::kGood
                   : good_before != good_after && near_good_on_bad_side ? TextClass::kGood
                                                                        : TextClass::kBad;
      continue;
    }
    adjacent = byte(c);
    if (c != TextClass::kNearGood) judged = byte(c);
  }
  // Then near-good paragraphs, with the short ones settled: bad only between bad neighbours
  // (their nearest ones that are not near-good).
  judged = kBad;
  for (std::size_t i = 0; i < n; ++i) {
    before[i] = judged;
    if (furniture[i]) judged = kBad;
    else if (classes[i] != TextClass::kNearGood) judged = byte(classes[i]);
  }
  judged = kBad;
  for (std::size_t i = n; i-- > 0;) {
    const TextClass c = classes[i];
    if (furniture[i]) {
      judged = kBad;
    } else if (c == TextClass::kNearGood) {
      classes[i] = before[i] != kGood && judged != kGood ? TextClass::kBad : TextClass::kGood;
    } else {
      judged = byte(c);
    }
  }
}

}  // namespace newsdedup
