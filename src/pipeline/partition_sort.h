// partition_sort: sorts records whose order is led by a small partition number (an LSH band)
// and then by a 64-bit hash, several times faster than one comparison sort of the whole range.
//
// The records are first distributed in place by partition (one counting pass, then one pass of
// swaps, an American flag sort: with few partitions each one's write position stays in cache).
// The partitions, each a fraction of the whole, are then sorted in parallel (oneTBB): a
// least-significant-digit radix sort on the top 32 bits of the hash (four passes of 8 bits,
// in cache), and a comparison sort of each run whose top bits are equal (rare but for equal
// hashes, and short). Memory: one offset per partition, and a scratch copy of one partition per
// worker thread. `partition(record)` must be below `partitions`; operator< must order records by
// partition, then by `hash(record)`, then by anything else.
#pragma once

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

namespace newsdedup {

namespace partition_sort_detail {

// Sorts by hash (then by operator< among equal top bits): LSD radix on the top 32 bits.
template <typename Record, typename Hash>
void sort_by_hash(std::span<Record> records, Hash hash) {
  thread_local std::vector<Record> scratch;
  scratch.resize(records.size());
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

}  // namespace partition_sort_detail

template <typename Record, typename Partition, typename Hash>
void partition_sort(std::span<Record> records, std::size_t partitions, Partition partition, Hash hash) {
  using partition_sort_detail::sort_by_hash;
  std::vector<std::size_t> start(partitions + 1, 0);
  for (const Record& record : records) {
    const std::size_t p = partition(record);
    if (p >= partitions) throw std::out_of_range("partition_sort: partition out of range");
    ++start[p + 1];
  }
  for (std::size_t p = 0; p < partitions; ++p) start[p + 1] += start[p];
  // Each record goes straight to the next free place of its partition; the one it displaces
  // moves on to its own, until one that belongs where the chain started comes back.
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t p = 0; p < partitions; ++p) {
    while (next[p] < start[p + 1]) {
      Record moving = records[next[p]];
      for (std::size_t target = partition(moving); target != p; target = partition(moving))
        std::swap(moving, records[next[target]++]);
      records[next[p]++] = moving;
    }
  }
  tbb::parallel_for(std::size_t{0}, partitions, [&](std::size_t p) {
    sort_by_hash(records.subspan(start[p], start[p + 1] - start[p]), hash);
  });
}

}  // namespace newsdedup
