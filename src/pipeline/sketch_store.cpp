#include "pipeline/sketch_store.h"

namespace newsdedup {

std::uint64_t SketchWriter::append(std::string_view id, std::span<const std::uint64_t> shingles,
                                   std::span<const std::uint64_t> numbers) {
  const std::uint32_t header[3] = {static_cast<std::uint32_t>(id.size()), static_cast<std::uint32_t>(shingles.size()),
                                   static_cast<std::uint32_t>(numbers.size())};
  const std::uint64_t offset = file_.offset();
  file_.write(header, sizeof header);
  file_.write(id.data(), id.size());
  file_.write(shingles.data(), shingles.size_bytes());
  file_.write(numbers.data(), numbers.size_bytes());
  file_.end_record();
  return offset;
}

SketchReader::Header SketchReader::read_header(std::uint64_t offset) const {
  if (offset < kWorkFileHeaderBytes) file_.fail("no sketch at offset " + std::to_string(offset) + " (corrupt documents.bin?)");
  Header header;
  file_.read_at(offset, &header, sizeof header);
  // Checked before anything is allocated for it: a corrupt count could ask for terabytes.
  const std::uint64_t bytes =
      sizeof header + header.id_bytes + (std::uint64_t{header.shingles} + header.numbers) * sizeof(std::uint64_t);
  if (bytes > kWorkFileHeaderBytes + file_.data_bytes() - offset)
    file_.fail("the sketch at offset " + std::to_string(offset) + " runs past the end (corrupt?)");
  return header;
}

ShingleView SketchReader::read(std::uint64_t offset, ShingleBuffer& buffer) const {
  const Header header = read_header(offset);
  buffer.shingles.resize(header.shingles);
  buffer.numbers.resize(header.numbers);
  const std::uint64_t body = offset + sizeof header + header.id_bytes;
  const std::uint64_t shingle_bytes = std::uint64_t{header.shingles} * sizeof(std::uint64_t);
  file_.read_at(body, buffer.shingles.data(), shingle_bytes);
  file_.read_at(body + shingle_bytes, buffer.numbers.data(), header.numbers * sizeof(std::uint64_t));
  return {buffer.shingles, buffer.numbers};
}

std::string SketchReader::read_id(std::uint64_t offset) const {
  const Header header = read_header(offset);
  std::string id(header.id_bytes, '\0');
  file_.read_at(offset + sizeof header, id.data(), id.size());
  return id;
}

}  // namespace newsdedup
