// Options of the `run` and `clean` jobs, as the command line sets them. Plain value types.
// `strict`: any skipped input (see input_skipped() in io/diagnostics.h) makes the command fail
// with exit status 1; the outputs are still written, complete for the input that was used.
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "dedup/similarity.h"
#include "io/input_options.h"

namespace newsdedup {

struct RunOptions {
  std::vector<std::string> inputs;
  std::filesystem::path out_dir;
  std::size_t threads = 0;  // 0: all hardware threads
  bool force = false;
  bool strict = false;
  bool quality = false;  // --quality: C4, Gopher and FineWeb rules (clean/quality_rules.h)
  InputOptions input;
  // Cross-corpus boilerplate: remove paragraphs that recur in the clusters of at least this
  // many different stories (0: off). Off by default: formulaic wire copy ("Terms were not
  // disclosed.", "Qtly div 10 cts vs 10 cts prior") recurs across stories too.
  std::size_t boilerplate_stories = 0;
  // Buffer for the sorted band keys and exact-duplicate keys; beyond it they spill to disk.
  std::uint64_t memory_bytes = std::uint64_t{1} << 30;
  DuplicateRule rule;
  LshParameters lsh;
};

struct CleanOptions {
  std::vector<std::string> inputs;
  std::filesystem::path output;
  std::size_t threads = 0;
  bool force = false;
  bool strict = false;
  bool keep_boilerplate = false;
  bool quality = false;  // --quality: C4, Gopher and FineWeb rules (clean/quality_rules.h)
  InputOptions input;
};

// Worker threads for `requested` (0: all hardware threads).
inline std::size_t effective_threads(std::size_t requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace newsdedup
