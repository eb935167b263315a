#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <cstring>

namespace newsdedup {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

OutputError io_error(const std::filesystem::path& path, int error) {
  return OutputError(fmt::format("{}: {}", path.string(), std::strerror(error)));
}

OutputError exists_error(const std::filesystem::path& path) {
  return OutputError(fmt::format("{} exists; use --force to overwrite", path.string()));
}

// Makes the rename itself durable; best effort, a failure here loses nothing already written.
void sync_directory(const std::filesystem::path& file) {
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path path, bool overwrite)
    : path_(std::move(path)), overwrite_(overwrite) {
  std::error_code ec;
  if (!overwrite_ && std::filesystem::exists(path_, ec)) throw exists_error(path_);
  temp_path_ = path_;
  temp_path_ += ".tmp-" + std::to_string(::getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) throw io_error(path_, errno);
  buffer_ = std::make_unique<char[]>(kBufferSize);
  std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferSize);
}

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  if (!file_) throw OutputError(fmt::format("{}: written after commit", path_.string()));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) throw io_error(path_, errno);
}

void AtomicFile::commit() {
  if (!file_) throw OutputError(fmt::format("{}: committed twice", path_.string()));
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int error = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) throw io_error(path_, flushed ? errno : error);
  // Without --force, refuse to replace a file that appeared while we were writing.
  int renamed = overwrite_ ? std::rename(temp_path_.c_str(), path_.c_str())
                           : ::renameat2(AT_FDCWD, temp_path_.c_str(), AT_FDCWD, path_.c_str(),
                                         RENAME_NOREPLACE);
  if (renamed != 0 && !overwrite_ && errno == EINVAL) {  // file system without RENAME_NOREPLACE
    renamed = std::rename(temp_path_.c_str(), path_.c_str());
  }
  if (renamed != 0) throw errno == EEXIST ? exists_error(path_) : io_error(path_, errno);
  temp_path_.clear();
  sync_directory(path_);
}

}  // namespace newsdedup
