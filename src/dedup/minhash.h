// MinHash signatures by one-permutation hashing with optimal densification
// (Li, Owen & Zhang 2012; Shrivastava 2017).
//
// Each shingle hash is hashed once: its top bits pick one of kSignatureSize bins, its low 32
// bits compete for that bin's minimum. Empty bins borrow the value of a bin chosen by a
// fixed pseudo-random probe sequence that depends only on the bin index, so two documents
// fill an empty bin the same way and P[sig_a[i] == sig_b[i]] stays J(a, b). The cost is one
// comparison per shingle instead of one hash per shingle per permutation.
//
// MinHashBins holds the bins while shingles are added (one at a time, in any order, repeats
// changing nothing), so that a caller that makes the shingles, such as shingle_body()'s gram
// loop, adds each as it makes it instead of reading them all again; densify() then makes the
// signature. minhash_signature() is that for a list of shingles.
// A MinHashBins is a plain value (640 bytes), used by one thread at a time; the free functions
// are stateless and thread-safe.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <span>

#include "text/byte_blocks.h"

namespace newsdedup {

inline constexpr std::size_t kSignatureSize = 128;
using Signature = std::array<std::uint32_t, kSignatureSize>;

class MinHashBins {
 public:
  MinHashBins() { clear(); }

  // As made: no shingle added. In place, where assigning a new one built it and then copied it;
  // with SSE2 in 40 stores of 16 bytes, where the compiler's fills were string stores of 8
  // (once a body).
  void clear() {
#if defined(__SSE2__)
    static_assert(kEmptyBin == 0xFFFFFFFFu);
    store_blocks<sizeof values_ / 16>(values_.data(), _mm_set1_epi32(-1));
    store_blocks<sizeof filled_ / 16>(filled_.data(), _mm_setzero_si128());
#else
    values_.fill(kEmptyBin);
    filled_.fill(false);
#endif
  }

  // `shingle` must be a well-mixed 64-bit hash: its top bits pick the bin, its low 32 bits
  // compete for the bin's minimum.
  void add(std::uint64_t shingle) {
    const auto bin = static_cast<std::size_t>(shingle >> (64 - kBinBits));
    const auto value = static_cast<std::uint32_t>(shingle);
    values_[bin] = std::min(values_[bin], value);  // a conditional move: a branch here mispredicts
    filled_[bin] = true;
  }

  // The signature of the shingles added (every bin kEmptyBin when there were none), made in
  // place, where the bins were: call it once, after the last add().
  const Signature& densify();

 private:
  static constexpr int kBinBits = std::countr_zero(kSignatureSize);
  static_assert((std::size_t{1} << kBinBits) == kSignatureSize, "signature size must be a power of two");
  static constexpr std::uint32_t kEmptyBin = std::numeric_limits<std::uint32_t>::max();

  Signature values_;
  // Which bins a shingle filled (a value may equal kEmptyBin): densification only borrows from those.
  std::array<bool, kSignatureSize> filled_{};
};

// `shingles` must be well-mixed 64-bit hashes (as shingle_body() produces), not necessarily sorted.
Signature minhash_signature(std::span<const std::uint64_t> shingles);

// Fraction of equal positions: an unbiased estimate of the Jaccard similarity.
double estimate_jaccard(const Signature& a, const Signature& b);

}  // namespace newsdedup
