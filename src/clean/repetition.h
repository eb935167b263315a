// Repetition: finds text that a page prints again (a doubled body, a repeated passage, a body
// printed twice inside one line), so that the later copy is removed and the first one kept.
//
// find_repeated_copies() compares paragraphs by their words (case and punctuation ignored) and
// returns each later copy with the paragraph it copies. A repeated paragraph of six or more
// words is a copy on its own; shorter ones only inside a run of at least two repeated
// paragraphs, so that a table's recurring "Year" or "Net" row is not mistaken for repetition.
// find_repeated_spans() looks inside one paragraph for a run of at least kMinRepeatedSpanWords
// words that the same paragraph already printed earlier, as when a body is printed twice
// without a line break; it returns the byte ranges of the later copies.
// Neither ever removes a first copy, so a document is repaired, never emptied.
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

struct RepeatedParagraph {
  std::size_t index = 0;  // the later copy
  std::size_t first = 0;  // the paragraph it repeats
};

std::vector<RepeatedParagraph> find_repeated_copies(const std::vector<LineShape>& shapes,
                                                    const std::vector<std::size_t>& candidates);

// The later copies' indices only.
std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes, const std::vector<std::size_t>& candidates);

// A repeated run shorter than this can be a quotation or a formula; one this long is a copy.
inline constexpr std::size_t kMinRepeatedSpanWords = 20;

struct RepeatedSpan {
  std::size_t begin = 0;  // byte offsets into the paragraph's text (and its shape's `lower`)
  std::size_t end = 0;
};

std::vector<RepeatedSpan> find_repeated_spans(const LineShape& paragraph);

}  // namespace newsdedup
