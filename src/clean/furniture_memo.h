// Furniture memo: classify_furniture(), remembered for the paragraphs a thread has seen before.
//
// A site prints the same menus, footers, prompts and captions on every page, and the copies of a
// syndicated story share its paragraphs, so most paragraphs of a crawl have been classified
// before. A verdict depends on the paragraph's text alone, so remembering it changes nothing but
// the time. Each thread keeps its own direct-mapped table of 524,288 verdicts (4 MiB) keyed by a
// 64-bit hash of the text; a new paragraph takes the slot of whatever was there. A wrong verdict
// would need two texts whose 64-bit hashes agree. A paragraph of more than kMaxPhraseRuleWords
// words is classified directly: it is rarely seen again, and the rules left for it cost less than
// hashing its text.
// A page's paragraphs are looked up together (PageFurniture): their slots, spread over a table
// larger than the first cache levels, are all asked for before the first is read, so the misses
// overlap instead of following one another. That lookup needs only the text, so it can come
// before the paragraph is described: a slot also keeps its text's word count, and a paragraph
// known as furniture needs only describe_light() (line_shape.h), since no rule after the verdict
// reads its words (cleaner.cpp).
// Thread-safe: the table, and a buffer of the page's text hashes, are thread_local; a
// PageFurniture is used on the thread that made it, one at a time (a second one on the thread
// would take over the hashes' buffer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "clean/line_shape.h"
#include "clean/paragraph.h"
#include "clean/removal_reason.h"

namespace newsdedup {

// The verdict on a paragraph that the memo knows as furniture, and its word count.
struct KnownFurniture {
  RemovalReason reason;
  std::size_t word_count;
};

// The memo's lookups for one page's paragraphs, which must outlive it. Paragraph by paragraph, in
// order: known_furniture(i) before describing it, then (unless it was known) verdict(i, shape).
class PageFurniture {
 public:
  explicit PageFurniture(std::span<const Paragraph> paragraphs);
  PageFurniture(const PageFurniture&) = delete;
  PageFurniture& operator=(const PageFurniture&) = delete;

  // The memo's verdict on paragraph i when it remembers the paragraph as furniture
  // (classify_furniture() would say `reason`); nullopt when it does not know it, or knows it as
  // no furniture.
  std::optional<KnownFurniture> known_furniture(std::size_t i) const;
  // classify_furniture(shape, paragraphs[i].text), where `shape` describes the paragraph:
  // remembered, or classified and remembered.
  std::optional<RemovalReason> verdict(std::size_t i, const LineShape& shape);

 private:
  std::span<const Paragraph> paragraphs_;
  std::uint64_t* slots_;  // the calling thread's table (furniture_memo.cpp)
  std::span<std::uint64_t> hashes_;  // of the paragraphs short enough to be looked up before describing
};

}  // namespace newsdedup
