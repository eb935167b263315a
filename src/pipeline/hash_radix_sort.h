// sort_by_hash: sorts records ordered by a 64-bit hash (then by anything else), several times
// faster than a comparison sort.
//
// A least-significant-digit radix sort on the top 32 bits of the hash (four passes of 8 bits
// through a scratch copy), then a comparison sort of each run whose top bits are equal: rare
// but for equal hashes, and short. Meant for one LSH band's keys of a sorter's buffer (see
// ExternalSorter). Memory: a scratch copy of the range while it sorts.
// `hash(record)` must be what operator< orders by first. Thread-safe on distinct ranges.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace newsdedup {

template <typename Record, typename Hash>
void sort_by_hash(std::span<Record> records, Hash hash) {
  std::vector<Record> scratch(records.size());
  std::span<Record> from = records;
  std::span<Record> to(scratch);
  for (int shift = 32; shift < 64; shift += 8) {
    std::size_t count[257] = {};
    for (const Record& record : from) ++count[((hash(record) >> shift) & 0xFF) + 1];
    for (std::size_t d = 0; d < 256; ++d) count[d + 1] += count[d];
    for (const Record& record : from) to[count[(hash(record) >> shift) & 0xFF]++] = record;
    std::swap(from, to);
  }
  // Four passes: the sorted records are back in `records`.
  for (std::size_t i = 0; i < records.size();) {
    std::size_t end = i + 1;
    const std::uint64_t top = hash(records[i]) >> 32;
    while (end < records.size() && hash(records[end]) >> 32 == top) ++end;
    if (end - i > 1) std::sort(records.begin() + static_cast<std::ptrdiff_t>(i), records.begin() + static_cast<std::ptrdiff_t>(end));
    i = end;
  }
}

}  // namespace newsdedup
