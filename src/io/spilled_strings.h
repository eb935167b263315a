// SpilledStrings: an append-only store of strings kept on disk instead of in memory.
//
// append() returns a handle (the string's byte offset in the store) that read() takes back.
// Strings are buffered in memory (up to 1 MiB) and written to an anonymous temporary file in
// the system temp folder ($TMPDIR, else /tmp) when the buffer fills; the file has no name, so
// nothing is left behind even when the process is killed. Small stores never touch the disk.
// Reads are meant to be rare (a pread per read). Throws std::runtime_error when the temporary
// file cannot be created or written. Owns its file descriptor. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/default_init_allocator.h"

namespace newsdedup {

class SpilledStrings {
 public:
  SpilledStrings() = default;
  ~SpilledStrings();
  SpilledStrings(const SpilledStrings&) = delete;
  SpilledStrings& operator=(const SpilledStrings&) = delete;

  // Stores `text` and returns its handle.
  std::uint64_t append(std::string_view text);
  // Replaces `out` with the string stored under `handle` (a value append() returned).
  void read(std::uint64_t handle, std::string& out) const;
  // Bytes stored so far (each string takes its length plus 4 bytes).
  std::uint64_t size() const { return flushed_ + pending_.size(); }

 private:
  void flush();
  void read_file(std::uint64_t offset, char* into, std::size_t size) const;

  // The strings not yet written, in order; grown without zero-filling, as each string is
  // copied in whole (two appends to a std::string cost ~130 instructions a string).
  std::vector<char, DefaultInitAllocator<char>> pending_;
  std::uint64_t flushed_ = 0;   // bytes already in the file; pending_ starts there
  int fd_ = -1;                 // created on the first flush
};

}  // namespace newsdedup
