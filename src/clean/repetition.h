// Repetition: finds paragraphs that a page prints again (a doubled body, a repeated passage).
//
// find_repeated() compares paragraphs by their words (case and punctuation ignored) and
// returns the indices of the later copies, keeping the first. A repeated paragraph of six or
// more words is removed on its own; shorter ones only inside a run of at least two repeated
// paragraphs, so that a table's recurring "Year" or "Net" row is not mistaken for repetition.
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "clean/line_shape.h"

namespace newsdedup {

std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes,
                                       const std::vector<std::size_t>& candidates);

}  // namespace newsdedup
