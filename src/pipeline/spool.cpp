#include "pipeline/spool.h"

#include <cerrno>
#include <cstdint>
#include <stdexcept>

#include "io/unnamed_file.h"

namespace newsdedup {
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
    throw_file_error(path_, "record too large for temporary file");
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  if (std::fwrite(&size, sizeof size, 1, file_) != 1 || std::fwrite(text.data(), 1, text.size(), file_) != text.size())
    throw_file_error(path_, "cannot write temporary file");
}

void Spool::rewind() {
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) throw_file_error(path_, "cannot rewind temporary file");
}

void Spool::read(std::string& text) {
  std::uint32_t size = 0;
  if (std::fread(&size, sizeof size, 1, file_) != 1) throw_file_error(path_, "temporary file ended early");
  text.resize(size);
  if (std::fread(text.data(), 1, size, file_) != size) throw_file_error(path_, "temporary file ended early");
}

}  // namespace newsdedup
