// JobClock: times a job's stages into RunSummary::stage_seconds and its total. Not thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "pipeline/run_summary.h"

namespace newsdedup {

class JobClock {
 public:
  // Records the time since the previous lap (or the start) as `stage`'s.
  void lap(const std::string& stage, RunSummary& summary) {
    const auto now = Clock::now();
    summary.stage_seconds[stage] += std::chrono::duration<double>(now - lap_start_).count();
    lap_start_ = now;
  }
  void finish(RunSummary& summary) const {
    summary.total_seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_ = Clock::now();
  Clock::time_point lap_start_ = start_;
};

}  // namespace newsdedup
