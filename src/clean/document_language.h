// DocumentLanguage: which stop-word list fits a page, and how many of each paragraph's words
// are stop words in that list.
//
// The language is the one whose list the page's longer paragraphs hit most often, provided the
// hits make up a fair share of their words; a page in a language without a list (or a script
// without spaces between words) gets none, and the classifier then judges its paragraphs by
// length and punctuation alone. Each word is looked up once, by the hash its shape holds
// (StopWordLaneCounter answers for every language at a time, text/stop_words.h). Stateless and thread-safe; the result
// is a plain value, or the counts go to a span the caller owns (the cleaner's, on its stack).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "clean/line_shape.h"
#include "text/stop_words.h"

namespace newsdedup {

struct StopWordProfile {
  std::optional<Language> language;       // none: no stop-word list fits the page
  std::vector<std::uint32_t> stop_words;  // per paragraph: its words in the chosen list (0 without one)
};

// `skip[i]` (not 0): paragraph i is already known not to be text (furniture); it is not looked
// at and counts 0. Empty: every paragraph is looked at.
StopWordProfile profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip = {});
// The same into the caller's `stop_words` (one per paragraph), without a vector of its own: returns
// the language.
std::optional<Language> profile_stop_words(std::span<const LineShape> paragraphs, std::span<const std::uint8_t> skip,
                                           std::span<std::uint32_t> stop_words);

}  // namespace newsdedup
