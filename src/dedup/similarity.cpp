#include "dedup/similarity.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

std::uint32_t count_shared_by_merge(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
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

#if defined(__SSE2__)
// Candidate pairs share only about half their keys, so the merge above mispredicts a branch for
// most keys, and a branch-free merge waits on each step's loads. Four keys of each side at a time
// instead: each of a's is compared with all four of b's (b rotated three times), and the block
// whose last key is lower moves on (both, when the last keys are equal). Keys are distinct
// within a side, so a key matches once; every pair of blocks that could share a key meets once.
// The tails shorter than a block go through the merge.
std::uint32_t count_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  static constexpr std::uint8_t kBits[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
  const std::size_t a_blocks = a.size() & ~std::size_t{3};
  const std::size_t b_blocks = b.size() & ~std::size_t{3};
  std::uint32_t shared = 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a_blocks && j < b_blocks) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data() + i));
    const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data() + j));
    const __m128i same = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi32(x, y), _mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(0, 3, 2, 1)))),
        _mm_or_si128(_mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(1, 0, 3, 2))),
                     _mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(2, 1, 0, 3)))));
    shared += kBits[_mm_movemask_ps(_mm_castsi128_ps(same))];
    const std::uint32_t a_last = a[i + 3];
    const std::uint32_t b_last = b[j + 3];
    if (a_last <= b_last) i += 4;
    if (b_last <= a_last) j += 4;
  }
  return shared + count_shared_by_merge(a.subspan(i), b.subspan(j));
}
#else
std::uint32_t count_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return count_shared_by_merge(a, b);
}
#endif

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
