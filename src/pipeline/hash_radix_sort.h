// sort_by_hash: sorts records ordered by a 64-bit hash (then by anything else), several times
// faster than a comparison sort.
//
// A least-significant-digit radix sort on the top bits of the hash, as many as make runs of
// equal top bits rare for the number of records (log2 n + 3, at most 32: digits of at most 11
// bits, passes through a scratch copy, counted in one pass beforehand; a digit all records
// share is skipped), then a comparison sort of each run whose top bits are equal and whose
// records are out of order: rare, and short. Used for one LSH band's keys of a sorter's buffer
// and for exact keys (see ExternalSorter), and for candidate pairs (PairSorter). Memory: a
// scratch copy of the range while it sorts.
// `hash(record)` must be what operator< orders by first. Thread-safe on distinct ranges.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>

namespace newsdedup {

namespace hash_radix_sort_detail {

// `Digits` digits of `digit_bits` bits each, from bit `low_shift` of the hash up: counted in
// one pass, then one pass each through the scratch copy (a digit all records share is
// skipped). Returns the number of passes made.
template <int Digits, typename Record, typename Hash>
std::size_t radix_passes(std::span<Record>& from, std::span<Record>& to, Hash& hash, int low_shift, int digit_bits) {
  const std::size_t n = from.size();
  const std::size_t values = std::size_t{1} << digit_bits;
  const std::uint64_t mask = values - 1;
  int shift[Digits];
  for (int d = 0; d < Digits; ++d) shift[d] = low_shift + d * digit_bits;
  std::array<std::array<std::size_t, 2048>, Digits> count;
  for (auto& digit : count) std::fill_n(digit.begin(), values, std::size_t{0});
  for (const Record& record : from) {
    const std::uint64_t h = hash(record);
    for (int d = 0; d < Digits; ++d) ++count[d][(h >> shift[d]) & mask];
  }
  std::size_t passes = 0;
  for (int d = 0; d < Digits; ++d) {
    if (count[d][(hash(from[0]) >> shift[d]) & mask] == n) continue;  // one value: already in order
    std::size_t start = 0;
    for (std::size_t v = 0; v < values; ++v) start += std::exchange(count[d][v], start);
    for (const Record& record : from) to[count[d][(hash(record) >> shift[d]) & mask]++] = record;
    std::swap(from, to);
    ++passes;
  }
  return passes;
}

}  // namespace hash_radix_sort_detail

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
  // The top `bits` bits of the hash: enough for runs of records that share them to be short
  // (2^bits >= 8n, so on spread hashes most records have top bits of their own), at most 32;
  // in as few digits as keep to 11 bits (2,048 counts stay in the first-level cache). A band
  // of 20,000 documents needs 18 bits: two passes of 9 bits, not three of 11.
  const int bits = std::min(32, static_cast<int>(std::bit_width(n)) + 3);
  const int digits = (bits + 10) / 11;
  const int digit_bits = (bits + digits - 1) / digits;
  const int low_shift = 64 - bits;
  using hash_radix_sort_detail::radix_passes;
  const std::size_t passes = digits == 1   ? radix_passes<1>(from, to, hash, low_shift, digit_bits)
                             : digits == 2 ? radix_passes<2>(from, to, hash, low_shift, digit_bits)
                                           : radix_passes<3>(from, to, hash, low_shift, digit_bits);
  if (passes % 2 == 1) std::copy(from.begin(), from.end(), records.begin());
  // Records are now in order of their top bits, so two neighbours out of order share them: one
  // comparison a record finds the rare runs to sort. (The passes are stable: records added in
  // order, documents in input order, stay so, and equal hashes are seldom out of order.)
  const auto top = [&](std::size_t i) { return hash(records[i]) >> low_shift; };
  for (std::size_t i = 1; i < n; ++i) {
    if (!(records[i] < records[i - 1])) continue;
    std::size_t first = i - 1;
    while (first > 0 && top(first - 1) == top(i)) --first;
    std::size_t end = i + 1;
    while (end < n && top(end) == top(i)) ++end;
    std::sort(records.begin() + static_cast<std::ptrdiff_t>(first), records.begin() + static_cast<std::ptrdiff_t>(end));
    i = end - 1;  // the next pair to compare is (end - 1, end)
  }
}

}  // namespace newsdedup
