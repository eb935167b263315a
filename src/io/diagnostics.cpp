#include "io/diagnostics.h"

#include <fmt/core.h>

#include <cstdio>

namespace newsdedup {

void Diagnostics::warn(std::string_view kind, std::string_view location, std::string_view message) {
  std::lock_guard lock(mutex_);
  ++counts_[std::string(kind)];
  if (!quiet_) fmt::print(stderr, "newsdedup: {}: {}\n", location, message);
}

std::map<std::string, std::uint64_t> Diagnostics::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::uint64_t Diagnostics::total() const {
  std::lock_guard lock(mutex_);
  std::uint64_t n = 0;
  for (const auto& [kind, count] : counts_) n += count;
  return n;
}

}  // namespace newsdedup
