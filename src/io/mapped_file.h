// MappedFile: a read-only memory map of a range of an open file, for reads without a system call
// and a kernel copy per read (verification reads two sketches per comparison, at random offsets;
// the write stage reads the spool a window of about a MiB at a time).
//
// The map owns only the mapping, not the descriptor, which must stay open while it is used.
// Pages read through the map count towards the process's resident memory until it is
// unmapped, so callers map only what their memory budget can hold. A file truncated while mapped
// ends the process with SIGBUS when a lost page is read: the work files read this way are
// checked when opened, and `run` truncates its own (FormatWriter::release_temporary) only after
// their last read. Mapping fails quietly (mapped() is false) where mmap is
// refused, and callers read with pread instead.
// Thread-safe after construction (bytes() only reads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace newsdedup {

class MappedFile {
 public:
  MappedFile() = default;  // maps nothing
  // Maps bytes [0, `bytes`) of the open file `fd`.
  MappedFile(int fd, std::uint64_t bytes) : MappedFile(fd, 0, bytes) {}
  // Maps bytes [from, from + bytes) of `fd`; `populate` reads them in at once (one call, where
  // a range read whole would take a fault a page).
  MappedFile(int fd, std::uint64_t from, std::uint64_t bytes, bool populate = false);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  bool mapped() const { return data_ != nullptr; }
  std::span<const char> bytes() const { return {data_, size_}; }

 private:
  void unmap();

  void* base_ = nullptr;  // the mapping, from the page that holds the range's first byte
  std::size_t length_ = 0;
  const char* data_ = nullptr;  // the range within it
  std::size_t size_ = 0;
};

}  // namespace newsdedup
