// Cleaner: reduces one normalised news page to its article: title, body and an account of
// every line removed.
//
// Data flow inside clean():
//   split_paragraphs (lines -> paragraphs, hard wraps joined)
//   -> describe and classify_furniture per paragraph (furniture_memo.h; a paragraph it knows as
//      furniture is described light), then run rules (menus, related-headline lists)
//   -> title (the headline printed again above the article: the title anchor; else the first
//      non-furniture line shaped like a headline)
//   -> repetition (paragraphs, and runs of 20+ words, printed earlier in the page)
//   -> article region (paragraph classifier + the run of prose under the anchor: lines outside
//      it are 'outside_article'; a copy inside the article of text outside it is kept instead)
//   -> cross-corpus boilerplate (optional: lines a BoilerplateFilter says recur across stories)
//   -> quality rules (optional: CleanerOptions::quality)
//   -> body = kept paragraphs separated by blank lines (repeated runs cut out of them).
// A Cleaner holds only options; clean() is const and thread-safe. Each thread keeps buffers from
// one call to the next (the page's lines and paragraphs, the paragraphs' shapes, and the
// furniture verdicts of the paragraphs it has seen: furniture_memo.h), so that cleaning
// allocates little and classifies a paragraph seen before at once; what they hold never changes
// a result (a paragraph the memo knows is described light, which no later rule can tell apart).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "clean/cleaned_document.h"

namespace newsdedup {

struct CleanerOptions {
  bool keep_boilerplate = false;  // report removals but keep the lines in the body
  bool quality = false;           // apply the C4, Gopher and FineWeb rules (quality_rules.h)
};

// Optional cross-document evidence: returns true when a paragraph is known boilerplate.
using BoilerplateFilter = std::function<bool(std::string_view paragraph)>;

class Cleaner {
 public:
  explicit Cleaner(CleanerOptions options = {}) : options_(options) {}
  // Takes the text, which the result's removed lines view (CleanedDocument::page).
  CleanedDocument clean(std::string normalized_text, const BoilerplateFilter* boilerplate = nullptr) const;

 private:
  CleanerOptions options_;
};

}  // namespace newsdedup
