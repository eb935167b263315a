#include "pipeline/sketch_store.h"

#include <unistd.h>


#include "io/unnamed_file.h"

namespace newsdedup {
SketchStore::SketchStore(std::filesystem::path path) : path_(std::move(path)) {
  file_ = create_unnamed_file(path_);
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

SketchStore::~SketchStore() {
  if (file_ != nullptr) std::fclose(file_);
}

std::uint64_t SketchStore::append(std::string_view id, std::span<const std::uint64_t> shingles,
                                  std::span<const std::uint64_t> numbers) {
  const Header header{static_cast<std::uint32_t>(id.size()), static_cast<std::uint32_t>(shingles.size()),
                      static_cast<std::uint32_t>(numbers.size())};
  // fwrite must not see the null pointer of an empty span, even for zero bytes.
  auto write_all = [&](const void* data, std::size_t size, std::size_t count) {
    return count == 0 || std::fwrite(data, size, count, file_) == count;
  };
  const bool written = write_all(&header, sizeof header, 1) && write_all(id.data(), 1, id.size()) &&
                       write_all(shingles.data(), sizeof(std::uint64_t), shingles.size()) &&
                       write_all(numbers.data(), sizeof(std::uint64_t), numbers.size());
  if (!written) throw_file_error(path_, "cannot write temporary file (is the disk full?)");
  const std::uint64_t offset = end_;
  end_ += sizeof header + id.size() + (shingles.size() + numbers.size()) * sizeof(std::uint64_t);
  return offset;
}

void SketchStore::flush() {
  if (std::fflush(file_) != 0) throw_file_error(path_, "cannot write temporary file (is the disk full?)");
}

void SketchStore::read_at(std::uint64_t offset, void* into, std::size_t bytes) const {
  auto* out = static_cast<char*>(into);
  while (bytes > 0) {
    const ssize_t got = ::pread(fileno(file_), out, bytes, static_cast<off_t>(offset));
    if (got <= 0) throw_file_error(path_, "cannot read temporary file");
    out += got;
    offset += static_cast<std::uint64_t>(got);
    bytes -= static_cast<std::size_t>(got);
  }
}

SketchStore::Header SketchStore::read_header(std::uint64_t offset) const {
  Header header;
  read_at(offset, &header, sizeof header);
  return header;
}

ShingleView SketchStore::read(std::uint64_t offset, ShingleBuffer& buffer) const {
  const Header header = read_header(offset);
  buffer.shingles.resize(header.shingles);
  buffer.numbers.resize(header.numbers);
  const std::uint64_t body = offset + sizeof header + header.id_bytes;
  read_at(body, buffer.shingles.data(), header.shingles * sizeof(std::uint64_t));
  read_at(body + header.shingles * sizeof(std::uint64_t), buffer.numbers.data(), header.numbers * sizeof(std::uint64_t));
  return {buffer.shingles, buffer.numbers};
}

std::string SketchStore::read_id(std::uint64_t offset) const {
  const Header header = read_header(offset);
  std::string id(header.id_bytes, '\0');
  read_at(offset + sizeof header, id.data(), id.size());
  return id;
}

}  // namespace newsdedup
