// visit_levels: which documents of a window of the clusterer's visit can be decided at once.
//
// A document's decision reads its earlier candidates' decisions (their representatives), and
// nothing else that is decided in the visit. Given a window of documents (ascending visit
// ranks, each with its earlier candidates), a document's level is 0 when none of its
// candidates is a document of the window (those before the window are decided already, and
// those in it without candidates of their own represent themselves), else one more than the
// highest level among those; the documents of one level can be decided together once the
// levels below are. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace newsdedup {

// A document of the window: its rank and its earlier candidates, candidates[begin, end).
struct WindowDocument {
  std::uint32_t rank = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// One level per document, in the window's order.
std::vector<std::uint32_t> visit_levels(std::span<const WindowDocument> window, std::span<const std::uint32_t> candidates);

}  // namespace newsdedup
