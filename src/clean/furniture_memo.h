// Furniture memo: classify_furniture(), remembered for the paragraphs a thread has seen before.
//
// A site prints the same menus, footers, prompts and captions on every page, and the copies of a
// syndicated story share its paragraphs, so most paragraphs of a crawl have been classified
// before. A verdict depends on the paragraph's text alone, so remembering it changes nothing but
// the time. Each thread keeps its own direct-mapped table of 65,536 verdicts (1 MiB) keyed by a
// 64-bit hash of the text and its length; a new paragraph takes the slot of whatever was there.
// A wrong verdict would need two texts of one length whose 64-bit hashes agree. A paragraph of
// more than kMaxPhraseRuleWords words is classified directly: it is rarely seen again, and the
// rules left for it cost less than hashing its text.
// A page's paragraphs are looked up together (the overload over spans): their slots, spread over
// a table larger than the first cache levels, are all asked for before the first is read, so
// the misses overlap instead of following one another.
// Thread-safe: the table is thread_local.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "clean/line_shape.h"
#include "clean/paragraph.h"
#include "clean/removal_reason.h"

namespace newsdedup {

// classify_furniture(line, text), where `line` describes `text`.
std::optional<RemovalReason> remembered_furniture(const LineShape& line, std::string_view text);

// remembered_furniture(shapes[i], paragraphs[i].text) into verdicts[i], for every i; the spans
// have one size.
void remembered_furniture(std::span<const LineShape> shapes, std::span<const Paragraph> paragraphs,
                          std::span<std::optional<RemovalReason>> verdicts);

}  // namespace newsdedup
