// Progress: a one-line status on stderr for long runs (stage, documents, MB/s, ETA).
//
// Shown only when stderr is a terminal and redrawn at most five times a second; silent
// otherwise, so logs and pipes stay clean. Not thread-safe: call from one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace newsdedup {

class Progress {
 public:
  explicit Progress(std::uint64_t total_bytes);
  ~Progress();
  void update(std::string_view stage, std::uint64_t documents, std::uint64_t bytes);
  void stage(std::string_view stage);  // a stage without a byte count (candidates, clusters)
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace newsdedup
