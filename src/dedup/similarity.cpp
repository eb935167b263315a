#include "dedup/similarity.h"

#include <algorithm>

namespace newsdedup {

namespace {

std::uint32_t count_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  std::uint32_t shared = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

}  // namespace

Similarity compare_shingles(const ShingleView& first, const ShingleView& second) {
  const auto a = first.shingles;
  const auto b = second.shingles;
  const std::uint32_t shared = count_shared(a, b);
  Similarity s;
  s.shared = shared;
  // Ties in length go to the side with fewer figures, so that the result is symmetric.
  const bool first_shorter = a.size() != b.size() ? a.size() < b.size() : first.numbers.size() <= second.numbers.size();
  const ShingleView& shorter = first_shorter ? first : second;
  const ShingleView& longer = first_shorter ? second : first;
  s.numbers = static_cast<std::uint32_t>(shorter.numbers.size());
  s.numbers_missing = s.numbers - count_shared(shorter.numbers, longer.numbers);
  const std::size_t smaller = std::min(a.size(), b.size());
  s.smaller = static_cast<std::uint32_t>(smaller);
  const std::size_t union_size = a.size() + b.size() - shared;
  if (union_size > 0) s.jaccard = static_cast<double>(shared) / static_cast<double>(union_size);
  if (smaller > 0) s.containment = static_cast<double>(shared) / static_cast<double>(smaller);
  return s;
}

}  // namespace newsdedup
