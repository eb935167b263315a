// Repetition: finds text that a page prints again (a doubled body, a repeated passage, a body
// printed twice inside one line), so that the later copy is removed and the first one kept.
//
// find_repeated_copies() compares paragraphs by their words (case and punctuation ignored) and
// returns each later copy with the paragraph it copies. A repeated paragraph of six or more
// words is a copy on its own; shorter ones only inside a run of at least two repeated
// paragraphs, so that a table's recurring "Year" or "Net" row is not mistaken for repetition.
// find_repeated_runs() looks for runs of at least kMinRepeatedRunWords words that the page
// already printed, in an earlier paragraph or earlier in the same one: a body printed twice
// without a line break, or printed again as one long line. It indexes a content-defined
// quarter of all 8-word windows (so both copies of a text sample the same windows) and extends
// each match word by word to the whole repeated run.
// Neither ever removes a first copy, so a document is repaired, never emptied.
// Thread-safe: find_repeated_runs keeps its buffers per thread (thread_local), nothing shared.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

struct RepeatedParagraph {
  std::size_t index = 0;  // the later copy
  std::size_t first = 0;  // the paragraph it repeats
};

// The later copies among `candidates` (indices into `shapes`, in page order).
std::vector<RepeatedParagraph> find_repeated_copies(std::span<const LineShape> shapes,
                                                    std::span<const std::size_t> candidates);

// A repeated run shorter than this can be a quotation or a stock phrase; one this long is a copy.
inline constexpr std::size_t kMinRepeatedRunWords = 20;

// A run of words that the page printed earlier, in an earlier paragraph or earlier in the same
// one (a body printed twice without line breaks, or printed again as one long line).
struct RepeatedRun {
  std::size_t paragraph = 0;  // the paragraph holding the later copy
  std::size_t source = 0;     // the paragraph holding the earlier copy (can be `paragraph`)
  std::size_t begin = 0;      // byte offsets into the paragraph's text (and its shape's `lower`)
  std::size_t end = 0;
  std::size_t first_word = 0;  // word positions in the paragraph's shape: [first_word, end_word)
  std::size_t end_word = 0;
};

// Runs of at least kMinRepeatedRunWords words among `candidates` (in page order), in order.
std::vector<RepeatedRun> find_repeated_runs(std::span<const LineShape> shapes,
                                            std::span<const std::size_t> candidates);

}  // namespace newsdedup
