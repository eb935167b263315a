// Similarity: the exact comparison of two shingle sets that verifies every candidate pair.
//
// Jaccard (overlap / union) measures how alike two copies are; containment (overlap / size of
// the smaller set) stays high for a truncated reprint, whose shingles are a subset of the
// full story's. DuplicateRule turns the two into a decision. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <span>

namespace newsdedup {

struct Similarity {
  double jaccard = 0;
  double containment = 0;
  std::uint32_t shared = 0;
  std::uint32_t smaller = 0;          // shingles of the document with fewer
  std::uint32_t numbers = 0;          // figures in the document with fewer shingles
  std::uint32_t numbers_missing = 0;  // of those, how many the other document lacks
};

// The shingles and figures of one document, each sorted ascending and distinct: the 32-bit
// keys of dedup/shingles.h (shingle_keys(), ShingleSet::numbers).
struct ShingleView {
  std::span<const std::uint32_t> shingles;
  std::span<const std::uint32_t> numbers;
};

Similarity compare_shingles(const ShingleView& a, const ShingleView& b);

// How many keys two ascending, distinct key arrays share: four keys a step with SSE2, and the
// one-key merge without (and for the tails); count_shared_by_merge() is that merge alone, which
// the tests compare it with.
std::uint32_t count_shared(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);
std::uint32_t count_shared_by_merge(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// Two documents are copies when their texts agree (Jaccard at least `threshold`, or the
// shorter contained in the longer) and their figures agree: at most `max_missing_numbers`
// of the shorter one's figures may be absent from the longer, so templated reports that
// differ in their figures never merge. Texts that share `long_shared` shingles or more are
// long enough to speak for themselves and may differ in one more figure (a stray headline).
// Short texts (the shorter under `short_text` shingles: dividend notices, one-line results)
// are mostly template, so they must agree more (`short_threshold`) and in every figure.
struct DuplicateRule {
  double threshold = 0.5;
  double min_containment = 0.8;
  std::uint32_t min_shared = 8;  // containment alone needs at least this many shared shingles
  double max_missing_numbers = 0.2;
  std::uint32_t long_shared = 30;
  std::uint32_t short_text = 25;
  double short_threshold = 0.7;

  bool is_duplicate(const Similarity& s) const {
    const bool is_short = s.smaller < short_text;
    const bool texts_agree = s.jaccard >= (is_short ? short_threshold : threshold) ||
                             (s.containment >= min_containment && s.shared >= min_shared);
    if (is_short) return texts_agree && s.numbers_missing == 0;
    const auto allowed = static_cast<std::uint32_t>(max_missing_numbers * s.numbers) + (s.shared >= long_shared ? 1 : 0);
    return texts_agree && s.numbers_missing <= allowed;
  }
};

}  // namespace newsdedup
