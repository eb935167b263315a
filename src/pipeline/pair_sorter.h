// PairSorter: sorts candidate pairs, packed as u64, and drops repeats, within a memory budget.
//
// Similar documents share many LSH bands, so the same pair arrives many times. Half the
// budget is a front buffer that is sorted and cleared of repeats whenever it fills; only when
// that no longer frees half of it do its pairs move on to an ExternalSorter (the other half),
// which spills sorted runs to disk. merge() visits each distinct pair once, ascending.
// Not thread-safe: one thread adds, then merges once.
#pragma once

#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/external_sorter.h"

namespace newsdedup {

class PairSorter {
 public:
  PairSorter(const std::filesystem::path& folder, const std::string& name, std::uint64_t budget_bytes)
      : capacity_(std::max<std::uint64_t>(budget_bytes / 2 / sizeof(std::uint64_t), kMinCapacity)),
        sorter_(folder, name, budget_bytes / 2) {}

  void add(std::uint64_t pair) {
    if (front_.capacity() < capacity_) front_.reserve(capacity_);
    if (front_.size() == capacity_) compact();
    front_.push_back(pair);
  }

  // Calls visit(std::uint64_t) once for every distinct pair added, ascending.
  template <typename Visit>
  void merge(Visit&& visit) {
    move_front();
    std::vector<std::uint64_t>().swap(front_);
    bool first = true;
    std::uint64_t last = 0;
    sorter_.merge([&](std::uint64_t pair) {
      if (!first && pair == last) return;
      first = false;
      last = pair;
      visit(pair);
    });
  }

  std::size_t runs_spilled() const { return sorter_.runs_spilled(); }
  std::uint64_t bytes_spilled() const { return sorter_.bytes_spilled(); }

 private:
  static constexpr std::uint64_t kMinCapacity = 1024;

  void compact() {
    tbb::parallel_sort(front_.begin(), front_.end());
    front_.erase(std::unique(front_.begin(), front_.end()), front_.end());
    if (front_.size() > capacity_ / 2) move_front();
  }

  void move_front() {
    for (std::uint64_t pair : front_) sorter_.add(pair);
    front_.clear();
  }

  std::uint64_t capacity_;
  std::vector<std::uint64_t> front_;
  ExternalSorter<std::uint64_t> sorter_;
};

}  // namespace newsdedup
