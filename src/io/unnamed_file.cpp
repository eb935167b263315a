#include "io/unnamed_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "io/atomic_file.h"

namespace newsdedup {

std::FILE* create_unnamed_file(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  const int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  std::FILE* file = fd >= 0 ? ::fdopen(fd, "w+b") : std::fopen(path.c_str(), "w+b");
  if (file == nullptr) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    errno = error;
    throw_file_error(path, "cannot create temporary file");
  }
  if (fd < 0) ::unlink(path.c_str());
  return file;
}

void throw_file_error(const std::filesystem::path& path, std::string_view what) {
  throw OutputError(path.string() + ": " + std::string(what) + ": " + std::strerror(errno));
}

}  // namespace newsdedup
