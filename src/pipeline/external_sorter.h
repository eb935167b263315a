// ExternalSorter: sorts more fixed-size records than fit in memory.
//
// Records are buffered up to a byte budget; a full buffer is sorted and written to disk as a
// sorted run, and merge() visits every record in order by merging the runs with a heap
// (reading each run through a small buffer), so memory stays near the budget whatever the
// number of records. With no spill, merge() simply visits the sorted buffer. Records must be
// trivially copyable and ordered by operator<; equal records come out in no particular order.
// Run files are unnamed files in the given folder (nothing is left behind, even by a killed
// run) and are freed when the sorter is destroyed.
// A record type with `std::size_t sort_partition() const` and `std::uint64_t sort_hash() const`
// that its operator< orders by, in that order (an LSH band, then the band's key), gives the
// number of partitions to the constructor and is sorted with partition_sort (radix, in
// parallel and in cache); others with tbb::parallel_sort.
// Not thread-safe: one thread adds, then merges once.
#pragma once

#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <concepts>
#include <span>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "io/unnamed_file.h"
#include "pipeline/partition_sort.h"

namespace newsdedup {

template <typename Record>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<Record>);

 public:
  // `folder`: where runs go; `name`: a prefix for their file names; `budget_bytes`: the buffer;
  // `partitions`: for records with sort_partition(), how many there are.
  ExternalSorter(std::filesystem::path folder, std::string name, std::uint64_t budget_bytes, std::size_t partitions = 0)
      : folder_(std::move(folder)),
        name_(std::move(name)),
        capacity_(std::max<std::uint64_t>(budget_bytes / sizeof(Record), kMinCapacity)),
        partitions_(partitions) {}
  ~ExternalSorter() {
    for (std::FILE* run : runs_) std::fclose(run);
  }
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  void add(const Record& record) {
    // Reserving the whole budget at once keeps the buffer from doubling past it; pages that
    // are never written are never resident.
    if (buffer_.capacity() < capacity_) buffer_.reserve(capacity_);
    if (buffer_.size() == capacity_) spill();
    buffer_.push_back(record);
    ++count_;
  }

  std::uint64_t size() const { return count_; }
  std::size_t runs_spilled() const { return runs_.size(); }
  std::uint64_t bytes_spilled() const { return bytes_spilled_; }

  // Calls visit(const Record&) for every record added, in ascending order.
  template <typename Visit>
  void merge(Visit&& visit) {
    if (runs_.empty()) {
      sort_buffer();
      for (const Record& record : buffer_) visit(record);
      return;
    }
    if (!buffer_.empty()) spill();
    release(buffer_);
    std::vector<std::unique_ptr<RunReader>> readers;
    const std::size_t chunk = std::max<std::size_t>(capacity_ / runs_.size(), 256);
    for (std::size_t r = 0; r < runs_.size(); ++r)
      readers.push_back(std::make_unique<RunReader>(runs_[r], folder_ / run_name(r), chunk));
    using Head = std::pair<Record, std::size_t>;  // a run's smallest unread record, and the run
    auto greater = [](const Head& a, const Head& b) { return b.first < a.first; };
    std::priority_queue<Head, std::vector<Head>, decltype(greater)> heads(greater);
    Record record;
    for (std::size_t r = 0; r < readers.size(); ++r)
      if (readers[r]->next(record)) heads.emplace(record, r);
    while (!heads.empty()) {
      const auto [smallest, run] = heads.top();
      heads.pop();
      visit(smallest);
      if (readers[run]->next(record)) heads.emplace(record, run);
    }
  }

 private:
  static constexpr std::uint64_t kMinCapacity = 1024;

  // Reads one run sequentially, `chunk` records at a time.
  class RunReader {
   public:
    RunReader(std::FILE* file, std::filesystem::path path, std::size_t chunk)
        : path_(std::move(path)), chunk_(chunk), file_(file) {
      if (std::fseek(file_, 0, SEEK_SET) != 0) throw_file_error(path_, "cannot read temporary file");
    }
    RunReader(const RunReader&) = delete;
    RunReader& operator=(const RunReader&) = delete;

    bool next(Record& record) {
      if (position_ == records_.size()) {
        records_.resize(chunk_);
        const std::size_t got = std::fread(records_.data(), sizeof(Record), chunk_, file_);
        if (got == 0 && std::ferror(file_)) throw_file_error(path_, "cannot read temporary file");
        records_.resize(got);
        position_ = 0;
        if (got == 0) return false;
      }
      record = records_[position_++];
      return true;
    }

   private:
    std::filesystem::path path_;
    std::size_t chunk_;
    std::FILE* file_ = nullptr;
    std::vector<Record> records_;
    std::size_t position_ = 0;
  };

  static void release(std::vector<Record>& records) { std::vector<Record>().swap(records); }

  std::string run_name(std::size_t run) const { return name_ + "-run-" + std::to_string(run); }

  void sort_buffer() {
    if constexpr (requires(const Record& record) { { record.sort_partition() } -> std::same_as<std::size_t>; })
      partition_sort(
          std::span<Record>(buffer_), partitions_, [](const Record& record) { return record.sort_partition(); },
          [](const Record& record) { return record.sort_hash(); });
    else
      tbb::parallel_sort(buffer_.begin(), buffer_.end());
  }

  void spill() {
    sort_buffer();
    const auto path = folder_ / run_name(runs_.size());
    std::FILE* file = create_unnamed_file(path);
    runs_.push_back(file);
    const bool written = std::fwrite(buffer_.data(), sizeof(Record), buffer_.size(), file) == buffer_.size();
    if (std::fflush(file) != 0 || !written) throw_file_error(path, "cannot write temporary file (is the disk full?)");
    bytes_spilled_ += buffer_.size() * sizeof(Record);
    buffer_.clear();
  }

  std::filesystem::path folder_;
  std::string name_;
  std::uint64_t capacity_;
  std::size_t partitions_;
  std::vector<Record> buffer_;
  std::vector<std::FILE*> runs_;
  std::uint64_t count_ = 0;
  std::uint64_t bytes_spilled_ = 0;
};

}  // namespace newsdedup
