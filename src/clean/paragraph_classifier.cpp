#include "clean/paragraph_classifier.h"

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

bool resolvable(TextClass c) { return c == TextClass::kShort || c == TextClass::kNearGood; }

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

void resolve_by_context(std::vector<TextClass>& classes, const std::vector<bool>& furniture) {
  const std::size_t n = classes.size();
  // The class each paragraph's nearest judged neighbour has, looking back and looking ahead;
  // a page edge counts as bad, like furniture.
  std::vector<bool> good_before(n, false);
  std::vector<bool> good_after(n, false);
  bool last_good = false;
  for (std::size_t i = 0; i < n; ++i) {
    good_before[i] = last_good;
    if (furniture[i]) last_good = false;
    else if (!resolvable(classes[i])) last_good = classes[i] == TextClass::kGood;
  }
  last_good = false;
  for (std::size_t i = n; i-- > 0;) {
    good_after[i] = last_good;
    if (furniture[i]) last_good = false;
    else if (!resolvable(classes[i])) last_good = classes[i] == TextClass::kGood;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (furniture[i] || !resolvable(classes[i])) continue;
    if (good_before[i] && good_after[i]) classes[i] = TextClass::kGood;
    else if (classes[i] == TextClass::kNearGood) classes[i] = TextClass::kBad;
  }
}

}  // namespace newsdedup
