#include "io/mapped_file.h"

#include <sys/mman.h>

#include <utility>

namespace newsdedup {

MappedFile::MappedFile(int fd, std::uint64_t bytes) {
  if (fd < 0 || bytes == 0 || bytes > SIZE_MAX) return;
  void* data = ::mmap(nullptr, static_cast<std::size_t>(bytes), PROT_READ, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) return;
  data_ = static_cast<const char*>(data);
  size_ = static_cast<std::size_t>(bytes);
}

MappedFile::~MappedFile() { unmap(); }

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this == &other) return *this;
  unmap();
  data_ = std::exchange(other.data_, nullptr);
  size_ = std::exchange(other.size_, 0);
  return *this;
}

void MappedFile::unmap() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

}  // namespace newsdedup
