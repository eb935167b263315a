#include "io/mapped_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <limits>
#include <utility>

namespace newsdedup {

MappedFile::MappedFile(int fd, std::uint64_t from, std::uint64_t bytes, bool populate) {
  static const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  const std::uint64_t start = from - from % page;  // mmap takes offsets at page boundaries
  const std::uint64_t length = from - start + bytes;
  if (fd < 0 || bytes == 0 || bytes > SIZE_MAX - (from - start) ||
      start > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max()))
    return;
  void* base = ::mmap(nullptr, static_cast<std::size_t>(length), PROT_READ, MAP_SHARED | (populate ? MAP_POPULATE : 0),
                      fd, static_cast<off_t>(start));
  if (base == MAP_FAILED) return;
  base_ = base;
  length_ = static_cast<std::size_t>(length);
  data_ = static_cast<const char*>(base) + (from - start);
  size_ = static_cast<std::size_t>(bytes);
}

MappedFile::~MappedFile() { unmap(); }

MappedFile::MappedFile(MappedFile&& other) noexcept
    : base_(std::exchange(other.base_, nullptr)),
      length_(std::exchange(other.length_, 0)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  unmap();
  base_ = std::exchange(other.base_, nullptr);
  length_ = std::exchange(other.length_, 0);
  data_ = std::exchange(other.data_, nullptr);
  size_ = std::exchange(other.size_, 0);
  return *this;
}

void MappedFile::unmap() {
  if (base_ != nullptr) ::munmap(base_, length_);
  base_ = nullptr;
  length_ = 0;
  data_ = nullptr;
  size_ = 0;
}

}  // namespace newsdedup
