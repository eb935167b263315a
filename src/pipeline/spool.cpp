#include "pipeline/spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "io/atomic_file.h"

namespace newsdedup {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what) {
  throw OutputError(path.string() + ": " + std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

// The file never has a name where O_TMPFILE works, and loses it at once elsewhere: a killed
// run leaves no spool behind.
Spool::Spool(std::filesystem::path path) : path_(std::move(path)) {
  const std::filesystem::path folder = path_.has_parent_path() ? path_.parent_path() : ".";
  const int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  file_ = fd >= 0 ? ::fdopen(fd, "w+b") : std::fopen(path_.c_str(), "w+b");
  if (file_ == nullptr) {
    if (fd >= 0) ::close(fd);
    fail(path_, "cannot create temporary file");
  }
  if (fd < 0) ::unlink(path_.c_str());
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

Spool::~Spool() {
  if (file_ != nullptr) std::fclose(file_);
}

void Spool::write(std::string_view text) {
  if (text.size() > UINT32_MAX) {
    errno = EFBIG;
    fail(path_, "record too large for temporary file");
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  if (std::fwrite(&size, sizeof size, 1, file_) != 1 || std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    fail(path_, "cannot write temporary file");
}

void Spool::rewind() {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) fail(path_, "cannot rewind temporary file");
}

void Spool::read(std::string& text) {
  std::uint32_t size = 0;
  if (std::fread(&size, sizeof size, 1, file_) != 1) fail(path_, "temporary file ended early");
  text.resize(size);
  if (std::fread(text.data(), 1, size, file_) != size) fail(path_, "temporary file ended early");
}

}  // namespace newsdedup
