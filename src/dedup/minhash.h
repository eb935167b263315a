// MinHash signatures by one-permutation hashing with optimal densification
// (Li, Owen & Zhang 2012; Shrivastava 2017).
//
// Each shingle hash is hashed once: its top bits pick one of kSignatureSize bins, its low 32
// bits compete for that bin's minimum. Empty bins borrow the value of a bin chosen by a
// fixed pseudo-random probe sequence that depends only on the bin index, so two documents
// fill an empty bin the same way and P[sig_a[i] == sig_b[i]] stays J(a, b). The cost is one
// comparison per shingle instead of one hash per shingle per permutation.
// Stateless and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace newsdedup {

inline constexpr std::size_t kSignatureSize = 128;
using Signature = std::array<std::uint32_t, kSignatureSize>;

// `shingles` must be well-mixed 64-bit hashes (as shingle_body() produces), not necessarily sorted.
Signature minhash_signature(std::span<const std::uint64_t> shingles);

// Fraction of equal positions: an unbiased estimate of the Jaccard similarity.
double estimate_jaccard(const Signature& a, const Signature& b);

}  // namespace newsdedup
