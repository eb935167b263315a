// Options of the `run` and `clean` jobs, as the command line sets them. Plain value types.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
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
  bool quality = false;  // --quality: C4, Gopher and FineWeb rules (clean/quality_rules.h)
  InputOptions input;
  DuplicateRule rule;
  LshParameters lsh;
};

struct CleanOptions {
  std::vector<std::string> inputs;
  std::filesystem::path output;
  std::size_t threads = 0;
  bool force = false;
  bool keep_boilerplate = false;
  bool quality = false;  // --quality: C4, Gopher and FineWeb rules (clean/quality_rules.h)
  InputOptions input;
};

}  // namespace newsdedup
