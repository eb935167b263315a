// CleanedDocument: what the cleaner keeps of a page and what it removed, line by line.
//
// `body` holds the kept paragraphs separated by blank lines; `removed` lists every removed
// line (1-based line number in the normalised text, its text and the rule that removed it),
// in line order (a repeated run cut out of a line is reported as that line's removed text);
// `quality` holds the quality rules' verdict when they were asked for. Plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clean/quality_rules.h"
#include "clean/removal_reason.h"

namespace newsdedup {

struct RemovedLine {
  std::uint32_t line = 0;
  std::string text;
  RemovalReason reason = RemovalReason::kNavigation;
};

struct CleanedDocument {
  std::string title;  // empty when no title was found
  std::string body;
  std::vector<RemovedLine> removed;
  std::optional<QualityVerdict> quality;  // set when the quality rules were applied
};

}  // namespace newsdedup
