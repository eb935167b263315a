#include "dedup/minhash.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace newsdedup {
namespace {

constexpr std::uint64_t probe(std::uint64_t bin, std::uint64_t attempt) {
  std::uint64_t x = (bin << 32 | attempt) * 0x9E3779B97F4A7C15ULL;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 32;
  return x;
}

// The first kTabledProbes bins of each bin's probe sequence, worked out at compile time: the
// bins a sparse document's empty bins borrow from are then read, not computed in a chain of
// multiplications, and the processor can look ahead past the test that ends the search.
constexpr std::size_t kTabledProbes = 16;
static_assert(kSignatureSize <= 256, "a probe is stored in a byte");
static_assert(kSignatureSize % 64 == 0, "empty bins are found 64 at a time");
constexpr auto kProbeOrder = [] {
  std::array<std::array<std::uint8_t, kTabledProbes>, kSignatureSize> order{};
  for (std::size_t bin = 0; bin < kSignatureSize; ++bin)
    for (std::size_t attempt = 1; attempt <= kTabledProbes; ++attempt)
      order[bin][attempt - 1] = static_cast<std::uint8_t>(probe(bin, attempt) & (kSignatureSize - 1));
  return order;
}();

// The bin that empty bin `bin` borrows from: the first filled one of its probe sequence.
// Four probes a test: a test a probe mispredicts whenever the probe that hits varies, which on a
// page with a sixth of its bins empty is once or twice an empty bin; four flags gathered into
// one word leave one test, which almost always finds one filled.
std::size_t lender(std::size_t bin, const std::array<bool, kSignatureSize>& filled) {
  static_assert(kTabledProbes % 4 == 0);
  const std::array<std::uint8_t, kTabledProbes>& probes = kProbeOrder[bin];
  for (std::size_t first = 0; first < kTabledProbes; first += 4) {
    const std::uint32_t flags = std::uint32_t{filled[probes[first]]} | std::uint32_t{filled[probes[first + 1]]} << 8 |
                                std::uint32_t{filled[probes[first + 2]]} << 16 |
                                std::uint32_t{filled[probes[first + 3]]} << 24;
    if (flags != 0) return probes[first + static_cast<std::size_t>(std::countr_zero(flags)) / 8];
  }
  for (std::uint64_t attempt = kTabledProbes + 1;; ++attempt) {
    const std::size_t candidate = probe(bin, attempt) & (kSignatureSize - 1);
    if (filled[candidate]) return candidate;
  }
}

// Bit i of the result: flag `base + i` of `filled` (64 flags) is clear. Eight flags a step: a
// multiply gathers the low bits of eight bytes into its top byte (the sums it adds never carry,
// since each of the eight products lands on bits of its own).
std::uint64_t empty_bins(const std::array<bool, kSignatureSize>& filled, std::size_t base) {
  std::uint64_t full = 0;
  for (std::size_t group = 0; group < 8; ++group) {
    std::uint64_t flags;
    std::memcpy(&flags, filled.data() + base + 8 * group, sizeof flags);
    full |= ((flags * 0x0102040810204080ULL) >> 56) << (8 * group);
  }
  return ~full;
}

}  // namespace

const Signature& MinHashBins::densify() {
  Signature& signature = values_;
  // The empty bins as bits, 64 at a time: a sparse page has about half its bins empty, and a
  // test of each bin mispredicts about as often. With no bin filled there is nothing to borrow.
  std::array<std::uint64_t, kSignatureSize / 64> empty;
  std::uint64_t all_empty = ~std::uint64_t{0};
  for (std::size_t half = 0; half < empty.size(); ++half) {
    empty[half] = empty_bins(filled_, 64 * half);
    all_empty &= empty[half];
  }
  if (all_empty == ~std::uint64_t{0}) return signature;
  for (std::size_t half = 0; half < empty.size(); ++half) {
    for (std::uint64_t bins = empty[half]; bins != 0; bins &= bins - 1) {
      const std::size_t bin = 64 * half + static_cast<std::size_t>(std::countr_zero(bins));
      signature[bin] = signature[lender(bin, filled_)];
    }
  }
  return signature;
}

Signature minhash_signature(std::span<const std::uint64_t> shingles) {
  MinHashBins bins;
  // Two a step: the loop's own test and count are a quarter of each shingle's instructions.
  std::size_t i = 0;
  for (; i + 2 <= shingles.size(); i += 2) {
    bins.add(shingles[i]);
    bins.add(shingles[i + 1]);
  }
  if (i < shingles.size()) bins.add(shingles[i]);
  return bins.densify();
}

double estimate_jaccard(const Signature& a, const Signature& b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kSignatureSize; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / kSignatureSize;
}

}  // namespace newsdedup
