#include "pipeline/spool.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "io/atomic_file.h"
#include "io/unnamed_file.h"

namespace newsdedup {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what) {
  throw OutputError(path.string() + ": " + std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

Spool::Spool(std::filesystem::path path) : path_(std::move(path)) {
  file_ = create_unnamed_file(path_);
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
