// Furniture rules: decide, from one line's own shape, whether it is page furniture.
//
// Each rule is a general pattern of news-site furniture (menus, date stamps, photo captions,
// social prompts, lists of other headlines, legal footers, ad markers, wire credits, comment
// sections' headings and attributions, bylines), never a
// string taken from a particular site. classify_furniture() returns the reason of the first
// rule that fires. The helpers below it describe line shapes that the Cleaner combines over
// runs of lines (a menu is a run of menu items; a related list is a header plus headlines).
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "clean/line_shape.h"
#include "clean/removal_reason.h"

namespace newsdedup {

// No rule applies to a paragraph of more words than this: it is prose.
inline constexpr std::size_t kMaxFurnitureWords = 80;
// Nor any rule that searches the line for phrases or separators (legal notices, link bars, social
// prompts): beyond this many words only a caption's short checks remain.
inline constexpr std::size_t kMaxPhraseRuleWords = 40;

std::optional<RemovalReason> classify_furniture(const LineShape& line, std::string_view text);

// "Related stories", "Next In World", "Most read", "Others Also Read", ...: the heading of a list
// of links to other articles. Such a line is furniture: classify_furniture() gives it kRelated, or
// the verdict of a rule tried before that one (may_be_related_header).
bool is_related_header(const LineShape& line);
// Whether a line with this classify_furniture() verdict may be a related header: a caller may
// look for headers among those lines only (most furniture is menus, prompts, captions, legal text).
constexpr bool may_be_related_header(RemovalReason verdict) {
  return verdict == RemovalReason::kRelated || verdict == RemovalReason::kCredit ||
         verdict == RemovalReason::kComments || verdict == RemovalReason::kByline;
}
// A headline in a list of links: short, no sentence ending.
bool is_headline_shaped(const LineShape& line);
// One item of a vertical menu: one to three capitalised words, no sentence punctuation.
bool is_menu_item(const LineShape& line, std::string_view text);
// A wire dateline on a line of its own ("Reuters, Moscow :", "MOSCOW (Reuters) -"): body, not title.
bool is_dateline_only(const LineShape& line, std::string_view text);

}  // namespace newsdedup
