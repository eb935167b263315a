#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/core.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "io/unnamed_file.h"
#include "io/write_fully.h"

namespace newsdedup {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;
// Bytes handed over at once from which a write goes to the file directly: a call costs less than
// copying that much through the buffer (the write stage's batches are about half a MiB of audit
// lines, 94 MB in all on seed 11).
constexpr std::size_t kDirectWriteBytes = 64 << 10;
// Outputs run to tens of MB: their writeback starts every few MiB, so that commit()'s fsync
// waits for the last of them only (on seed 11 it waited 31 ms for the 77 MB audit.jsonl).
constexpr std::uint64_t kWritebackBytes = 8 << 20;

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

std::filesystem::path folder_of(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

std::atomic<bool> named_temporary_files{false};

// An unnamed file in `folder`, or -1 when the file system (or a missing /proc, needed to give
// it a name later) rules that out.
int open_unnamed(const std::filesystem::path& folder) {
  if (named_temporary_files || ::access("/proc/self/fd", X_OK) != 0) return -1;
  return open_tmpfile(folder, O_WRONLY, 0666);  // 0666: it becomes an output, subject to the umask
}

std::filesystem::path temp_name(const std::filesystem::path& path) {
  std::filesystem::path temp = path;
  temp += ".tmp-" + std::to_string(::getpid());
  return temp;
}

}  // namespace

void AtomicFile::use_named_temporary_files(bool named) { named_temporary_files = named; }

AtomicFile::AtomicFile(std::filesystem::path path, bool overwrite)
    : path_(std::move(path)), overwrite_(overwrite) {
  std::error_code ec;
  if (!overwrite_ && std::filesystem::exists(path_, ec)) throw exists_error(path_);
  fd_ = open_unnamed(folder_of(path_));
  if (fd_ < 0) {
    temp_path_ = temp_name(path_);
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd_ < 0) {
      const int error = errno;
      temp_path_.clear();
      throw io_error(path_, error);
    }
  }
  buffer_ = std::make_unique_for_overwrite<char[]>(kBufferSize);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw OutputError(fmt::format("{}: written after commit", path_.string()));
  if (bytes.size() >= kDirectWriteBytes) {
    flush();
    return write_to_file(bytes.data(), bytes.size());
  }
  if (buffered_ + bytes.size() > kBufferSize) flush();
  std::memcpy(buffer_.get() + buffered_, bytes.data(), bytes.size());
  buffered_ += bytes.size();
}

void AtomicFile::write_to_file(const char* data, std::size_t size) {
  if (!write_fully(fd_, data, size)) throw io_error(path_, errno);
  in_file_ += size;
  if (in_file_ >= writeback_started_ + kWritebackBytes) start_writeback();
}

void AtomicFile::flush() {
  if (buffered_ == 0) return;
  write_to_file(buffer_.get(), buffered_);
  buffered_ = 0;
}

void AtomicFile::start_writeback() {
#ifdef __linux__
  // Best effort, asynchronous: commit() fsyncs whatever this did not get to.
  ::sync_file_range(fd_, static_cast<off_t>(writeback_started_), static_cast<off_t>(in_file_ - writeback_started_),
                    SYNC_FILE_RANGE_WRITE);
#endif
  writeback_started_ = in_file_;
}

void AtomicFile::commit() {
  if (fd_ < 0) throw OutputError(fmt::format("{}: committed twice", path_.string()));
  flush();
  if (::fsync(fd_) != 0) throw io_error(path_, errno);
  if (temp_path_.empty()) {
    publish_anonymous();  // needs the descriptor open
  }
  const bool closed = ::close(fd_) == 0;
  const int close_error = errno;
  fd_ = -1;
  if (!closed) throw io_error(path_, close_error);
  if (!temp_path_.empty()) publish_named();
  sync_directory(path_);
}

// Gives the unnamed file its final name. Without overwrite, linkat() itself refuses an
// existing file, atomically; with it, the file is linked under a temporary name and renamed
// over the old one, since a link cannot replace a file.
void AtomicFile::publish_anonymous() {
  const std::string self = "/proc/self/fd/" + std::to_string(fd_);
  if (!overwrite_) {
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path_.c_str(), AT_SYMLINK_FOLLOW) == 0) return;
    throw errno == EEXIST ? exists_error(path_) : io_error(path_, errno);
  }
  const std::filesystem::path temp = temp_name(path_);
  ::unlink(temp.c_str());  // left by an earlier process with this pid, if any
  if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) throw io_error(path_, errno);
  if (std::rename(temp.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw io_error(path_, error);
  }
}

void AtomicFile::publish_named() {
  // Without --force, refuse to replace a file that appeared while we were writing.
  int renamed = overwrite_ ? std::rename(temp_path_.c_str(), path_.c_str())
                           : ::renameat2(AT_FDCWD, temp_path_.c_str(), AT_FDCWD, path_.c_str(),
                                         RENAME_NOREPLACE);
  if (renamed != 0 && !overwrite_ && errno == EINVAL) {
    // A file system without RENAME_NOREPLACE: link() refuses an existing name just as well.
    renamed = ::link(temp_path_.c_str(), path_.c_str());
    if (renamed == 0) ::unlink(temp_path_.c_str());
  }
  if (renamed != 0) throw errno == EEXIST ? exists_error(path_) : io_error(path_, errno);
  temp_path_.clear();
}

}  // namespace newsdedup
