// RunSummary: the counts and timings of one job, written to report.json and printed by the CLI.
// Plain value type.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "clean/removal_reason.h"

namespace newsdedup {

struct RunSummary {
  std::uint64_t documents = 0;
  std::uint64_t input_bytes = 0;
  std::uint64_t kept = 0;
  std::uint64_t duplicate = 0;
  std::uint64_t exact_duplicate = 0;
  std::uint64_t empty = 0;
  std::uint64_t invalid = 0;
  std::uint64_t repaired_utf8 = 0;
  std::uint64_t clusters = 0;
  std::map<std::uint64_t, std::uint64_t> clusters_by_size;
  std::array<std::uint64_t, kRemovalReasonCount> lines_removed{};
  std::map<std::string, std::uint64_t> input_problems;
  std::uint64_t candidate_pairs = 0;
  std::uint64_t verifications = 0;
  std::uint64_t oversized_buckets = 0;
  std::uint64_t boilerplate_paragraphs = 0;  // distinct paragraphs found recurring across stories
  std::uint64_t boilerplate_documents = 0;   // documents cleaned again without them
  std::uint64_t spilled_runs = 0;   // sorted runs written to disk because of the memory budget
  std::uint64_t spilled_bytes = 0;
  std::map<std::string, double> stage_seconds;  // in the order stages ran: see report
  double total_seconds = 0;

  // lines_removed keyed by the reasons' names, in name order, as the JSON files write it.
  std::map<std::string_view, std::uint64_t> lines_removed_by_name() const {
    std::map<std::string_view, std::uint64_t> named;
    for (std::size_t r = 0; r < kRemovalReasonCount; ++r) named[kRemovalReasonNames[r]] = lines_removed[r];
    return named;
  }

  // Adds what external sorters (ExternalSorter, PairSorter) spilled to disk.
  template <typename... Sorters>
  void count_spills(const Sorters&... sorters) {
    spilled_runs += (std::uint64_t{0} + ... + sorters.runs_spilled());
    spilled_bytes += (std::uint64_t{0} + ... + sorters.bytes_spilled());
  }

  double megabytes_per_second() const {
    return total_seconds > 0 ? static_cast<double>(input_bytes) / 1e6 / total_seconds : 0.0;
  }
};

}  // namespace newsdedup
