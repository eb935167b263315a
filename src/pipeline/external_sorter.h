// ExternalSorter: sorts more fixed-size records than fit in memory.
//
// Records are buffered up to a byte budget; a full buffer is sorted and written to disk as a
// sorted run, and merge() visits every record in order by merging the runs with a heap
// (reading each run through a small buffer), so memory stays near the budget whatever the
// number of records (while sort_by_hash sorts a buffer, or a partition of it, it takes a scratch
// copy of what it sorts). With no spill, merge() simply visits the sorted buffer. Records must be
// trivially copyable and ordered by operator<; equal records come out in no particular order.
// Run files are unnamed files in the given folder (nothing is left behind, even by a killed
// run) and are freed when the sorter is destroyed.
// A record type with `std::size_t sort_partition() const` and `std::uint64_t sort_hash() const`
// that its operator< orders by, in that order (an LSH band, then the band's key), is buffered
// partition by partition, each with an equal share of the budget, and each partition is sorted
// on its own with sort_by_hash (radix, in cache, partitions in parallel); the partitions
// written one after the other form a sorted run. A record with a sort_hash() alone is sorted
// with one sort_by_hash of the buffer (on two threads it beats a parallel comparison sort);
// other records with tbb::parallel_sort. Partitioned records can also be merged partition by
// partition, several partitions at once (merge_partition_blocks, a block of records per call):
// a run remembers where each of its partitions starts.
// A partitioned record that also has `std::uint64_t packed() const` and
// `static Record unpacked(std::size_t partition, std::uint64_t packed)` is held in its partition
// as that word alone (an LSH band key: 8 bytes instead of 12), which must order the records of
// one partition as operator< does; the radix sort reads its top bits. Buffers, runs and
// merge_partition_blocks() then hold packed words; merge() unpacks them.
// Not thread-safe: one thread adds, then merges once (which frees the buffer), except that
// merge_partition_blocks() may be called from several threads at once for different partitions.
#pragma once

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <queue>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "io/pread_fully.h"
#include "io/unnamed_file.h"
#include "io/write_fully.h"
#include "pipeline/hash_radix_sort.h"

namespace newsdedup {

template <typename Record>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<Record>);
  static constexpr bool kHashed = requires(const Record& record) {
    { record.sort_hash() } -> std::same_as<std::uint64_t>;
  };
  static constexpr bool kPartitioned = kHashed && requires(const Record& record) {
    { record.sort_partition() } -> std::same_as<std::size_t>;
  };
  static constexpr bool kPacked = kPartitioned && requires(const Record& record, std::uint64_t packed) {
    { record.packed() } -> std::same_as<std::uint64_t>;
    { Record::unpacked(std::size_t{0}, packed) } -> std::same_as<Record>;
  };

 public:
  // What a partition holds of a record: its packed() word where it has one, else the record.
  using Stored = std::conditional_t<kPacked, std::uint64_t, Record>;

  // `folder`: where runs go; `name`: a prefix for their file names; `budget_bytes`: the buffer;
  // `partitions`: for records with sort_partition(), how many there are (ignored otherwise).
  ExternalSorter(std::filesystem::path folder, std::string name, std::uint64_t budget_bytes, std::size_t partitions = 1)
      : folder_(std::move(folder)),
        name_(std::move(name)),
        parts_(kPartitioned ? std::max<std::size_t>(partitions, 1) : 1),
        part_capacity_(std::max<std::uint64_t>(budget_bytes / sizeof(Stored) / parts_.size(), kMinCapacity)) {}
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  void add(const Record& record) {
    std::vector<Stored>& part = parts_[partition_of(record)];
    if (part.size() == part.capacity()) [[unlikely]] make_room(part);  // one test a record
    part.push_back(stored(record));
    ++count_;
  }

  // Adds records[p], which must be of partition p, for each p, in that order, as add() would
  // one by one (a document's band keys, one a band): the partitions and the count are read once
  // for all, not once a record (a store of a packed word may alias the count).
  void add_one_per_partition(std::span<const Record> records)
    requires kPartitioned
  {
    if (records.size() > parts_.size())
      throw std::out_of_range(name_ + ": " + std::to_string(records.size()) + " records for " +
                              std::to_string(parts_.size()) + " partitions");
    std::vector<Stored>* const parts = parts_.data();
    for (std::size_t p = 0; p < records.size(); ++p) {
      if (records[p].sort_partition() != p) [[unlikely]] {
        count_ += p;  // those before it were added
        throw std::invalid_argument(name_ + ": record " + std::to_string(p) + " not of partition " + std::to_string(p));
      }
      std::vector<Stored>& part = parts[p];
      if (part.size() == part.capacity()) [[unlikely]] make_room(part);
      part.push_back(stored(records[p]));
    }
    count_ += records.size();
  }

  std::uint64_t size() const { return count_; }
  std::size_t runs_spilled() const { return runs_.size(); }
  std::uint64_t bytes_spilled() const { return bytes_spilled_; }

  // Calls visit(const Record&) for every record added, in ascending order.
  template <typename Visit>
  void merge(Visit&& visit) {
    if (runs_.empty()) {
      sort_parts();
      for (std::size_t p = 0; p < parts_.size(); ++p)
        for (const Stored& record : parts_[p]) visit(record_of(p, record));
      release_parts();  // the later stages of a job need the memory
      return;
    }
    if (buffered() > 0) spill();
    release_parts();
    const std::size_t chunk = std::max<std::size_t>(part_capacity_ * parts_.size() / runs_.size(), 256);
    if constexpr (kPacked) {  // a packed word orders within its partition only
      for (std::size_t p = 0; p < parts_.size(); ++p) {
        auto unpack = [&](const Stored& record) { visit(record_of(p, record)); };
        merge_runs(p, p + 1, chunk, unpack);
      }
    } else {
      merge_runs(0, parts_.size(), chunk, visit);
    }
  }

  // For partitioned records, merged partition by partition: seal() once after the last add(),
  // then merge_partition_blocks(p, visit_block) calls visit_block(std::span<const Stored>) with
  // the records of partition p (packed where they pack) in blocks, ascending: the whole partition when nothing was
  // spilled, else up to kMergeBlock records at a time (a call per block instead of per record
  // lets a caller behind a std::function, the candidate stage's BandKeySource, keep its
  // per-record loop inline), and frees the partition's buffer. Partitions may be merged in any
  // order, each once, several at once from different threads (their buffers are sorted as they
  // are merged).
  void seal()
    requires kPartitioned
  {
    if (runs_.empty()) return;  // merge_partition_blocks() sorts each buffer as it merges it
    if (buffered() > 0) spill();
    release_parts();
  }
  template <typename VisitBlock>
  void merge_partition_blocks(std::size_t p, VisitBlock&& visit_block)
    requires kPartitioned
  {
    if (runs_.empty()) {
      sort_part(parts_.at(p));
      if (!parts_[p].empty()) visit_block(std::span<const Stored>(parts_[p]));
      std::vector<Stored>().swap(parts_[p]);
      return;
    }
    std::vector<Stored> block;
    block.reserve(kMergeBlock);
    auto gather = [&](const Stored& record) {
      block.push_back(record);
      if (block.size() < kMergeBlock) return;
      visit_block(std::span<const Stored>(block));
      block.clear();
    };
    // A partition's share of the buffer for the runs' read buffers, as several partitions may
    // merge at once.
    merge_runs(p, p + 1, std::max<std::size_t>(part_capacity_ / runs_.size(), 256), gather);
    if (!block.empty()) visit_block(std::span<const Stored>(block));
  }
  std::size_t partitions() const { return parts_.size(); }

 private:
  static constexpr std::uint64_t kMinCapacity = 1024;
  static constexpr std::size_t kMergeBlock = 4096;  // records per block of merge_partition_blocks()

  // Reads stored records [begin, end) of one run sequentially, `chunk` records at a time, with pread
  // (so that several readers may read one run at once).
  class RunReader {
   public:
    RunReader(const UnnamedFile& file, std::filesystem::path path, std::uint64_t begin, std::uint64_t end, std::size_t chunk)
        : path_(std::move(path)), chunk_(chunk), fd_(file.fd()), next_(begin), end_(end) {}
    RunReader(const RunReader&) = delete;
    RunReader& operator=(const RunReader&) = delete;

    bool next(Stored& record) {
      if (position_ == records_.size()) {
        const auto count = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_, end_ - next_));
        if (count == 0) return false;
        records_.resize(count);
        const std::size_t bytes = count * sizeof(Stored);
        if (pread_fully(fd_, records_.data(), bytes, next_ * sizeof(Stored)) != static_cast<ssize_t>(bytes))
          throw_file_error(path_, "cannot read temporary file");
        next_ += count;
        position_ = 0;
      }
      record = records_[position_++];
      return true;
    }

   private:
    std::filesystem::path path_;
    std::size_t chunk_;
    int fd_;
    std::uint64_t next_;  // the next record to read
    std::uint64_t end_;
    std::vector<Stored> records_;
    std::size_t position_ = 0;
  };

  // Merges partitions [first, end) of every run with a heap (visit gets stored records).
  template <typename Visit>
  void merge_runs(std::size_t first, std::size_t end, std::size_t chunk, Visit& visit) const {
    if (end > parts_.size()) throw std::out_of_range(name_ + ": no partition " + std::to_string(end - 1));
    std::vector<std::unique_ptr<RunReader>> readers;
    for (std::size_t r = 0; r < runs_.size(); ++r)
      readers.push_back(std::make_unique<RunReader>(runs_[r], folder_ / run_name(r), run_starts_[r][first],
                                                    run_starts_[r][end], chunk));
    using Head = std::pair<Stored, std::size_t>;  // a run's smallest unread record, and the run
    auto greater = [](const Head& a, const Head& b) { return b.first < a.first; };
    std::priority_queue<Head, std::vector<Head>, decltype(greater)> heads(greater);
    Stored record;
    for (std::size_t r = 0; r < readers.size(); ++r)
      if (readers[r]->next(record)) heads.emplace(record, r);
    while (!heads.empty()) {
      const auto [smallest, run] = heads.top();
      heads.pop();
      visit(smallest);
      if (readers[run]->next(record)) heads.emplace(record, run);
    }
  }

  std::size_t partition_of(const Record& record) const {
    if constexpr (kPartitioned) {
      const std::size_t p = record.sort_partition();
      if (p >= parts_.size()) throw std::out_of_range(name_ + ": record of partition " + std::to_string(p) + " of " +
                                                      std::to_string(parts_.size()));
      return p;
    } else {
      return 0;
    }
  }

  static Stored stored(const Record& record) {
    if constexpr (kPacked) {
      return record.packed();
    } else {
      return record;
    }
  }
  static Record record_of(std::size_t partition, const Stored& record) {
    if constexpr (kPacked) {
      return Record::unpacked(partition, record);
    } else {
      return record;
    }
  }

  // A partition's buffer is full: reserves its whole share the first time (it never doubles
  // past it, and pages never written are never resident), spills when it holds the share.
  void make_room(std::vector<Stored>& part) {
    if (part.capacity() < part_capacity_) {
      part.reserve(part_capacity_);
    } else {
      spill();
    }
  }

  std::uint64_t buffered() const {
    std::uint64_t n = 0;
    for (const std::vector<Stored>& part : parts_) n += part.size();
    return n;
  }

  void release_parts() {
    for (std::vector<Stored>& part : parts_) std::vector<Stored>().swap(part);
  }

  std::string run_name(std::size_t run) const { return name_ + "-run-" + std::to_string(run); }

  static void sort_part(std::vector<Stored>& part)
    requires kPartitioned
  {
    if constexpr (kPacked) {
      sort_by_hash(std::span<Stored>(part), [](Stored packed) { return packed; });
    } else {
      sort_by_hash(std::span<Record>(part), [](const Record& record) { return record.sort_hash(); });
    }
  }

  void sort_parts() {
    if constexpr (kPartitioned) {
      tbb::parallel_for(std::size_t{0}, parts_.size(), [&](std::size_t p) { sort_part(parts_[p]); });
    } else if constexpr (kHashed) {
      sort_by_hash(std::span<Record>(parts_[0]), [](const Record& record) { return record.sort_hash(); });
    } else {
      tbb::parallel_sort(parts_[0].begin(), parts_[0].end());
    }
  }

  // Sorts the buffered records and writes them as one run: the partitions in order.
  void spill() {
    sort_parts();
    const auto path = folder_ / run_name(runs_.size());
    const UnnamedFile& file = runs_.emplace_back(UnnamedFile::create(path));
    std::vector<std::uint64_t>& starts = run_starts_.emplace_back(1, 0);
    for (std::vector<Stored>& part : parts_) {
      starts.push_back(starts.back() + part.size());
      if (!write_fully(file.fd(), part.data(), part.size() * sizeof(Stored)))
        throw_file_error(path, "cannot write temporary file (is the disk full?)");
      bytes_spilled_ += part.size() * sizeof(Stored);
      part.clear();
    }
  }

  std::filesystem::path folder_;
  std::string name_;
  std::vector<std::vector<Stored>> parts_;  // one for records without partitions
  std::uint64_t part_capacity_;
  std::vector<UnnamedFile> runs_;
  std::vector<std::vector<std::uint64_t>> run_starts_;  // per run: where each partition starts, and its end
  std::uint64_t count_ = 0;
  std::uint64_t bytes_spilled_ = 0;
};

}  // namespace newsdedup
