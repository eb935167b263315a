// Shared passages: the longest runs of words two texts have in common, as evidence a reader
// can check ("these sentences appear in both copies").
//
// A passage is a maximal run of consecutive words of `text` whose every word 5-gram (the
// shingles de-duplication compares) also occurs in `other`, so it is exactly what made the two
// similar. Words are compared in canonical form (text/word_tokens.h). Returns views into
// `text`, longest first (ties in text order). Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsdedup {

struct SharedPassage {
  std::string_view text;  // a span of the first text
  std::size_t words = 0;
};

std::vector<SharedPassage> shared_passages(std::string_view text, std::string_view other, std::size_t max_passages);

}  // namespace newsdedup
