// Diagnostics: the one place where problems with the input are reported and counted.
//
// Readers call warn() with a location ("FILE:LINE") and a message; each becomes one line on
// stderr ("newsdedup: FILE:LINE: message") and is counted by kind for report.json.
// Thread-safe: readers and workers may report concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace newsdedup {

class Diagnostics {
 public:
  // `kind` is a short stable key counted in the report (e.g. "invalid_json", "unreadable_file").
  void warn(std::string_view kind, std::string_view location, std::string_view message);
  std::map<std::string, std::uint64_t> counts() const;
  std::uint64_t total() const;
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> counts_;
  bool quiet_ = false;
};

}  // namespace newsdedup
