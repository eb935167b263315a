// Unnamed files: temporary files that have no name, so that a killed run leaves nothing behind.
//
// open_tmpfile() asks the file system for one (O_TMPFILE); create_unnamed_descriptor() falls
// back, where it has none, to a file made under a fresh name and unlinked at once (the caller
// owns the descriptor). UnnamedFile owns one such descriptor and closes it, which frees the
// space; UnnamedFile::create() throws OutputError naming `path`. The functions are thread-safe;
// an UnnamedFile is a movable handle, its descriptor used with pread/write(2) from any thread.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>
#include <utility>

namespace newsdedup {

// An O_TMPFILE file in `folder`, opened with `access` (O_RDWR or O_WRONLY) and permissions
// `mode`; -1 with errno set where the file system (or the kernel) has no unnamed files.
int open_tmpfile(const std::filesystem::path& folder, int access, mode_t mode);

// A read-write unnamed file in `folder`: open_tmpfile(), else mkstemp("<folder>/<stem>XXXXXX")
// unlinked at once. -1 with errno set when neither can be made.
int create_unnamed_descriptor(const std::filesystem::path& folder, std::string_view stem);

class UnnamedFile {
 public:
  // A read-write unnamed file in `path`'s folder (`path` names it in messages, and in the name
  // it has for a moment where the file system has no O_TMPFILE).
  static UnnamedFile create(const std::filesystem::path& path);

  UnnamedFile() = default;
  ~UnnamedFile();
  UnnamedFile(UnnamedFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UnnamedFile& operator=(UnnamedFile&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }

  // -1 for a default-constructed or moved-from handle.
  int fd() const { return fd_; }

 private:
  explicit UnnamedFile(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Throws OutputError "PATH: WHAT: <strerror(errno)>" for a failed temporary-file operation.
[[noreturn]] void throw_file_error(const std::filesystem::path& path, std::string_view what);

}  // namespace newsdedup
