#include "io/unnamed_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/atomic_file.h"

namespace newsdedup {

int open_tmpfile(const std::filesystem::path& folder, int access, mode_t mode) {
  return ::open(folder.c_str(), O_TMPFILE | access | O_CLOEXEC, mode);
}

int create_unnamed_descriptor(const std::filesystem::path& folder, std::string_view stem) {
  const int fd = open_tmpfile(folder, O_RDWR, 0600);
  if (fd >= 0) return fd;
  // mkstemp picks a name no other process or thread holds, so two files never meet there.
  std::string name = (folder / stem).string() + "XXXXXX";
  const int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) ::unlink(name.c_str());
  return named;
}

UnnamedFile UnnamedFile::create(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  const int fd = create_unnamed_descriptor(folder, path.filename().string() + ".");
  if (fd < 0) throw_file_error(path, "cannot create temporary file");
  return UnnamedFile(fd);
}

UnnamedFile::~UnnamedFile() {
  if (fd_ >= 0) ::close(fd_);
}

void throw_file_error(const std::filesystem::path& path, std::string_view what) {
  throw OutputError(path.string() + ": " + std::string(what) + ": " + std::strerror(errno));
}

}  // namespace newsdedup
