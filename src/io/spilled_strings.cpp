#include "io/spilled_strings.h"

#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "io/pread_fully.h"
#include "io/unnamed_file.h"
#include "io/write_fully.h"

namespace newsdedup {
namespace {

constexpr std::size_t kFlushBytes = 1 << 20;
using Length = std::uint32_t;

[[noreturn]] void fail(std::string_view what, int error) {
  throw std::runtime_error(fmt::format("temporary file for document ids: {}: {}", what, std::strerror(error)));
}

// An unnamed file in the temp folder.
int open_anonymous_file() {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  const int fd = create_unnamed_descriptor(dir, "newsdedup-ids-");
  if (fd < 0) fail(dir.string(), errno);
  return fd;
}

}  // namespace

SpilledStrings::~SpilledStrings() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t SpilledStrings::append(std::string_view text) {
  if (text.size() > std::numeric_limits<Length>::max()) fail("string too long", EFBIG);
  const std::uint64_t handle = size();
  const auto length = static_cast<Length>(text.size());
  const std::size_t at = pending_.size();
  pending_.resize(at + sizeof length + text.size());
  std::memcpy(pending_.data() + at, &length, sizeof length);
  if (!text.empty()) std::memcpy(pending_.data() + at + sizeof length, text.data(), text.size());
  // Flushing only between strings keeps each string wholly in the file or wholly in memory.
  if (pending_.size() >= kFlushBytes) flush();
  return handle;
}

void SpilledStrings::read(std::uint64_t handle, std::string& out) const {
  Length length = 0;
  if (handle >= flushed_) {
    const std::size_t at = handle - flushed_;
    std::memcpy(&length, pending_.data() + at, sizeof length);
    out.assign(pending_.data() + at + sizeof length, length);
    return;
  }
  read_file(handle, reinterpret_cast<char*>(&length), sizeof length);
  out.resize(length);
  read_file(handle + sizeof length, out.data(), length);
}

void SpilledStrings::flush() {
  if (fd_ < 0) fd_ = open_anonymous_file();
  if (!write_fully(fd_, pending_.data(), pending_.size())) fail("write", errno);
  flushed_ += pending_.size();
  pending_.clear();
}

void SpilledStrings::read_file(std::uint64_t offset, char* into, std::size_t size) const {
  const ssize_t got = pread_fully(fd_, into, size, offset);
  if (got < 0) fail("read", errno);
  if (static_cast<std::size_t>(got) < size) fail("read", EIO);
}

}  // namespace newsdedup
