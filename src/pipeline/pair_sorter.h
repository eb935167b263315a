// PairSorter: sorts candidate pairs, packed as u64, and drops repeats, within a memory budget.
//
// The same pair may arrive many times (a pair of near copies shares many LSH bands, and the
// candidate stage drops only whole buckets seen before). Repeats are dropped on arrival by an
// open-addressing hash set that grows up to half the budget; only distinct pairs are sorted
// (sort_by_hash). When the set is full, its pairs move on, sorted, to an ExternalSorter (the
// other half), which spills sorted runs to disk; when nothing spilled, merge() visits the set's
// pairs straight. merge() visits each distinct pair once, ascending.
// Not thread-safe: one thread adds, then merges once.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "pipeline/external_sorter.h"
#include "pipeline/hash_radix_sort.h"

namespace newsdedup {

class PairSorter {
 public:
  PairSorter(const std::filesystem::path& folder, const std::string& name, std::uint64_t budget_bytes)
      : max_slots_(std::bit_floor(std::max<std::uint64_t>(budget_bytes / 2 / sizeof(std::uint64_t), kMinSlots))),
        sorter_(folder, name, budget_bytes / 2) {}

  void add(std::uint64_t pair) {
    if (pair == kEmpty) {
      has_empty_value_ = true;
      return;
    }
    if (2 * (size_ + 1) > slots_.size()) make_room();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = slot_of(pair); ; at = (at + 1) & mask) {
      if (slots_[at] == pair) return;
      if (slots_[at] == kEmpty) {
        slots_[at] = pair;
        ++size_;
        return;
      }
    }
  }

  // Calls visit(std::uint64_t) once for every distinct pair added, ascending.
  template <typename Visit>
  void merge(Visit&& visit) {
    if (sorter_.size() == 0 && !has_empty_value_) {  // all in the set: sorted in place of the sorter
      std::vector<std::uint64_t> pairs = take_set();
      for (const std::uint64_t pair : pairs) visit(pair);
      return;
    }
    move_set();
    if (has_empty_value_) sorter_.add(kEmpty);
    bool first = true;
    std::uint64_t last = 0;
    sorter_.merge([&](std::uint64_t pair) {
      if (!first && pair == last) return;  // a pair that was in the set at two moves
      first = false;
      last = pair;
      visit(pair);
    });
  }

  std::size_t runs_spilled() const { return sorter_.runs_spilled(); }
  std::uint64_t bytes_spilled() const { return sorter_.bytes_spilled(); }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // marks a free slot
  static constexpr std::uint64_t kMinSlots = 1024;

  std::size_t slot_of(std::uint64_t pair) const {
    return static_cast<std::size_t>((pair * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
  }

  // Doubles the set, or, at its largest, hands its pairs on to the sorter.
  void make_room() {
    if (slots_.size() >= max_slots_) {
      move_set();
      slots_.assign(max_slots_, kEmpty);
      return;
    }
    std::vector<std::uint64_t> old(std::max<std::size_t>(2 * slots_.size(), kMinSlots), kEmpty);
    old.swap(slots_);
    size_ = 0;
    for (std::uint64_t pair : old)
      if (pair != kEmpty) add(pair);
  }

  // The set's pairs, sorted, packed into the front of the set's own vector (no copy of up to a
  // quarter of the budget), which is handed out: the set is left without slots. Packed ranks
  // fill only the low bits: shifted up by the zero bits all of them have, they order as they are
  // and spread over the top bits that sort_by_hash's radix digits read.
  std::vector<std::uint64_t> take_set() {
    std::vector<std::uint64_t> pairs;
    pairs.swap(slots_);
    std::size_t kept = 0;
    std::uint64_t all_bits = 0;
    for (const std::uint64_t slot : pairs) {
      if (slot == kEmpty) continue;
      pairs[kept++] = slot;
      all_bits |= slot;
    }
    pairs.resize(kept);
    size_ = 0;
    const int shift = all_bits == 0 ? 0 : std::countl_zero(all_bits);
    sort_by_hash(std::span<std::uint64_t>(pairs), [shift](std::uint64_t pair) { return pair << shift; });
    return pairs;
  }

  void move_set() {
    for (const std::uint64_t pair : take_set()) sorter_.add(pair);
  }

  std::uint64_t max_slots_;
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
  bool has_empty_value_ = false;
  ExternalSorter<std::uint64_t> sorter_;
};

}  // namespace newsdedup
