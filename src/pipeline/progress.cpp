#include "pipeline/progress.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>

namespace newsdedup {

Progress::Progress(std::uint64_t total_bytes)
    : enabled_(isatty(STDERR_FILENO) == 1), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::update(std::string_view stage, std::uint64_t documents, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  std::string eta = "?";
  if (rate > 0 && total_bytes_ > bytes)
    eta = fmt::format("{:.0f}s", static_cast<double>(total_bytes_ - bytes) / 1e6 / rate);
  fmt::print(stderr, "\r\033[K{}: {} documents, {:.1f} MB of {:.1f} MB, {:.1f} MB/s, ETA {}", stage, documents,
             static_cast<double>(bytes) / 1e6, static_cast<double>(total_bytes_) / 1e6, rate, eta);
  std::fflush(stderr);
}

void Progress::stage(std::string_view stage) {
  if (!enabled_) return;
  drawn_ = true;
  fmt::print(stderr, "\r\033[K{}...", stage);
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && drawn_) fmt::print(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace newsdedup
