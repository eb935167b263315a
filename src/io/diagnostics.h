// Diagnostics: the one place where problems with the input are reported and counted.
//
// Readers call warn() with a location ("FILE:LINE") and a message; each becomes exactly one
// line on stderr ("newsdedup: FILE:LINE: message": control characters in the location or
// message, e.g. a newline in a file name or an id, are escaped) and is counted by kind for
// report.json. Kinds fall in two groups (see input_skipped()): problems after which some input
// was not used, which make a --strict run fail, and repairs that lose nothing.
// Thread-safe: readers and workers may report concurrently.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace newsdedup {

// True when a problem of this kind means some input was not used: a line (not JSON, no text
// field), a file (unreadable, binary, of another kind) or the rest of one (corrupt compressed
// data). False for repairs that lose nothing: invalid UTF-8 replaced ("invalid_utf8"), a
// repeated id renamed ("duplicate_id"), an empty file ("empty_file"). Unknown kinds count as
// skipped input, so that a new kind of problem cannot pass --strict unnoticed.
bool input_skipped(std::string_view kind);
// How many of the problems counted by kind are of kinds after which input was skipped.
std::uint64_t count_skipped(const std::map<std::string, std::uint64_t>& counts);

class Diagnostics {
 public:
  // `kind` is a short stable key counted in the report (e.g. "invalid_json", "unreadable_file").
  void warn(std::string_view kind, std::string_view location, std::string_view message);
  std::map<std::string, std::uint64_t> counts() const;
  std::uint64_t total() const;
  // Problems for which input_skipped(kind) holds.
  std::uint64_t skipped() const;
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> counts_;
  bool quiet_ = false;
};

}  // namespace newsdedup
