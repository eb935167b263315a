// Paragraph classifier: jusText-style classes of paragraphs, from what their text shows.
//
// classify_text() judges one paragraph on its own: its length (weighted so that every script
// is measured alike), its share of stop words in the page's language, and whether it ends like
// a sentence. Running prose is long, made of stop words and ends with a full stop; menus,
// headlines, bylines and button labels are short, have few stop words and no final stop.
//   kGood      prose: enough words, enough stop words, a sentence ending (or very long)
//   kNearGood  as long and wordy as prose, but no sentence ending: a headline, a teaser, a caption
//   kShort     too short to judge alone
//   kBad       long but not text: link lists, tables, keyword strips
// resolve_by_context() is jusText's context-sensitive pass. A short paragraph takes the class
// of its nearest good-or-bad neighbours when they agree (a sub-heading inside an article is
// good, a lone label in a menu bad); when they disagree it is good if the text on the bad side
// goes on through a near-good paragraph. A near-good paragraph is good unless both its
// neighbours are bad. Furniture and the page's edges count as bad neighbours. Pages without a
// stop-word language are judged on length and punctuation alone.
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <span>

#include "clean/line_shape.h"

namespace newsdedup {

enum class TextClass : unsigned char { kGood, kNearGood, kShort, kBad };

// `stop_words`: the paragraph's words in the page's stop-word list; `language_known`: whether
// the page has one (without, stop words are not asked for).
TextClass classify_text(const LineShape& paragraph, std::uint32_t stop_words, bool language_known);

// `furniture[i]` (not 0): paragraph i was removed by a furniture rule (its class is then
// ignored and left as it is). The two spans are the same size.
void resolve_by_context(std::span<TextClass> classes, std::span<const std::uint8_t> furniture);

}  // namespace newsdedup
