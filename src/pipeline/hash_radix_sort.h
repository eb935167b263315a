// sort_by_hash: sorts records ordered by a 64-bit hash (then by anything else), several times
// faster than a comparison sort.
//
// A least-significant-digit radix sort on the top 32 bits of the hash (three passes of 11, 11
// and 10 bits through a scratch copy, counted in one pass beforehand; a digit all records
// share is skipped), then a comparison sort of each run whose top bits are equal: rare but for equal
// hashes, and short. Meant for one LSH band's keys of a sorter's buffer (see
// ExternalSorter). Memory: a scratch copy of the range while it sorts.
// `hash(record)` must be what operator< orders by first. Thread-safe on distinct ranges.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>

namespace newsdedup {

template <typename Record, typename Hash>
void sort_by_hash(std::span<Record> records, Hash hash) {
  static_assert(std::is_trivially_copyable_v<Record> && std::is_trivially_destructible_v<Record>);
  const std::size_t n = records.size();
  if (n < 2) return;
  // Uninitialised: every slot is written before it is read, so zeroing it would be a wasted
  // pass over the band (operator new creates the trivially copyable records implicitly).
  const std::unique_ptr<void, void (*)(void*)> storage(::operator new(n * sizeof(Record)),
                                                       [](void* p) { ::operator delete(p); });
  std::span<Record> from = records;
  std::span<Record> to(static_cast<Record*>(storage.get()), n);
  // Three digits of 11, 11 and 10 bits (2,048 counts each stay in the first-level cache),
  // counted in one pass.
  constexpr int kShift[3] = {32, 43, 54};
  constexpr std::uint64_t kMask[3] = {0x7FF, 0x7FF, 0x3FF};
  std::array<std::array<std::size_t, 2048>, 3> count{};
  for (const Record& record : records) {
    const std::uint64_t h = hash(record);
    for (std::size_t d = 0; d < 3; ++d) ++count[d][(h >> kShift[d]) & kMask[d]];
  }
  std::size_t passes = 0;
  for (std::size_t d = 0; d < 3; ++d) {
    if (count[d][(hash(records[0]) >> kShift[d]) & kMask[d]] == n) continue;  // one value: already in order
    std::size_t start = 0;
    for (std::size_t& c : count[d]) start += std::exchange(c, start);
    for (const Record& record : from) to[count[d][(hash(record) >> kShift[d]) & kMask[d]]++] = record;
    std::swap(from, to);
    ++passes;
  }
  if (passes % 2 == 1) std::copy(from.begin(), from.end(), records.begin());
  for (std::size_t i = 0; i < n;) {
    std::size_t end = i + 1;
    const std::uint64_t top = hash(records[i]) >> 32;
    while (end < n && hash(records[end]) >> 32 == top) ++end;
    const auto first = records.begin() + static_cast<std::ptrdiff_t>(i);
    const auto last = records.begin() + static_cast<std::ptrdiff_t>(end);
    // The passes are stable: records added in order (documents in input order) stay so.
    if (end - i > 1 && !std::is_sorted(first, last)) std::sort(first, last);
    i = end;
  }
}

}  // namespace newsdedup
