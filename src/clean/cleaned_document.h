// CleanedDocument: what the cleaner keeps of a page and what it removed, line by line.
//
// `body` holds the kept paragraphs separated by blank lines; `removed` lists every removed
// line (1-based line number in the normalised text, its text and the rule that removed it),
// in line order (a repeated run cut out of a line is reported as that line's removed text);
// `quality` holds the quality rules' verdict when they were asked for.
// A removed line's text views the normalised page, which the document shares (`page`) so that
// the views stay valid through copies and moves: a page's removals cost no allocation each.
// Value type; copies share the page, which is never modified.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/quality_rules.h"
#include "clean/removal_reason.h"

namespace newsdedup {

struct RemovedLine {
  std::uint32_t line = 0;
  std::string_view text;  // in CleanedDocument::page
  RemovalReason reason = RemovalReason::kNavigation;
};

struct CleanedDocument {
  std::string title;  // empty when no title was found
  std::string body;
  std::vector<RemovedLine> removed;
  std::optional<QualityVerdict> quality;  // set when the quality rules were applied
  std::shared_ptr<const std::string> page;  // the normalised text that `removed` views
};

}  // namespace newsdedup
