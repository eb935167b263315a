// Quality rules: the published heuristic filters of web-text corpora, for `--quality`.
//
//   C4 (Raffel et al. 2020), per line: keep a line only if it ends in terminal punctuation,
//     has at least 3 words, does not mention "javascript" and is not a terms/privacy/cookie
//     notice; per document: at least 5 sentences, no "lorem ipsum", no curly bracket.
//   Gopher (Rae et al. 2021), per document: 50 to 100,000 words, mean word length 3 to 10,
//     at most 0.1 "#" or ellipsis per word, at most 90% of lines starting with a bullet and
//     30% ending with an ellipsis, at least 80% of words with a letter, at least 2 stop words;
//     repetition: at most 30% of lines (20% of characters) repeating an earlier line, the most
//     frequent word 2/3/4-gram under 20/18/16% of the characters, and under 15/14/13/12/11/10%
//     of the characters in repeated 5/6/7/8/9/10-grams.
//   FineWeb (Penedo et al. 2024), per document: more than 12% of lines end in punctuation,
//     under 67% of lines are 30 characters or shorter, under 1% of characters are in lines
//     that repeat an earlier line, at most 0.3 lines per word.
// The rules read the body the cleaner kept, one paragraph per line. c4_line_rule() judges one
// line; judge_document() applies every document rule and reports each failure with its value,
// so an audit says which rule dropped a document and by how much. Gopher's stop-word rule uses
// its own eight English words on English pages, the page's stop-word list on the other listed
// languages, and is skipped on pages without a list. Stateless and thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "clean/line_shape.h"
#include "clean/removal_reason.h"
#include "text/stop_words.h"

namespace newsdedup {

struct QualityFailure {
  RemovalReason rule = RemovalReason::kGopherWordCount;
  double value = 0;  // what the document measured
  double limit = 0;  // the threshold it crossed
};

struct QualityVerdict {
  std::vector<QualityFailure> failures;  // in the order listed above; empty: the document passes
  bool passed() const { return failures.empty(); }
};

// The C4 line rule that drops this body line, if any.
std::optional<RemovalReason> c4_line_rule(const LineShape& line, std::string_view text);

// Every document rule, on the body lines (with their shapes) that the line rules kept.
QualityVerdict judge_document(const std::vector<std::string_view>& lines, const std::vector<const LineShape*>& shapes,
                              std::optional<Language> language);

}  // namespace newsdedup
