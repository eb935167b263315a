#include "clean/repetition.h"

#include <xxhash.h>

#include <string>
#include <unordered_set>

namespace newsdedup {
namespace {

constexpr std::size_t kLongParagraphWords = 6;
constexpr std::size_t kMinShortRun = 2;

std::uint64_t word_key(const LineShape& shape) {
  std::string joined;
  for (std::string_view word : shape.words) {
    joined.append(word);
    joined.push_back(' ');
  }
  return XXH3_64bits(joined.data(), joined.size());
}

}  // namespace

std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes,
                                       const std::vector<std::size_t>& candidates) {
  std::unordered_set<std::uint64_t> seen;
  std::vector<bool> repeated(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const LineShape& shape = shapes[candidates[k]];
    if (shape.word_count() == 0) continue;
    repeated[k] = !seen.insert(word_key(shape)).second;
  }
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < candidates.size();) {
    if (!repeated[k]) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < candidates.size() && repeated[end]) ++end;
    const bool run = end - k >= kMinShortRun;
    for (std::size_t j = k; j < end; ++j)
      if (run || shapes[candidates[j]].word_count() >= kLongParagraphWords) out.push_back(candidates[j]);
    k = end;
  }
  return out;
}

}  // namespace newsdedup
