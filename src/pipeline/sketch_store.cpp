#include "pipeline/sketch_store.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace newsdedup {

std::uint64_t SketchWriter::append(std::string_view id, std::span<const std::uint32_t> shingles,
                                   std::span<const std::uint32_t> numbers) {
  const std::uint32_t header[3] = {static_cast<std::uint32_t>(id.size()), static_cast<std::uint32_t>(shingles.size()),
                                   static_cast<std::uint32_t>(numbers.size())};
  const std::uint64_t offset = file_.offset();
  static constexpr char kPadding[sizeof(std::uint32_t)] = {};
  file_.write(header, sizeof header);
  file_.write(id.data(), id.size());
  file_.write(kPadding, padded_id_bytes(id.size()) - id.size());
  file_.write(shingles.data(), shingles.size_bytes());
  file_.write(numbers.data(), numbers.size_bytes());
  file_.end_record();
  return offset;
}

SketchReader::SketchReader(FormatReader file, std::uint64_t resident_bytes) : file_(std::move(file)) {
  if (file_.data_bytes() <= resident_bytes) map_ = MappedFile(file_.descriptor(), kWorkFileHeaderBytes + file_.data_bytes());
}

SketchReader::Header SketchReader::read_header(std::uint64_t offset, std::span<const char> prefix) const {
  if (offset < kWorkFileHeaderBytes || offset % sizeof(std::uint32_t) != 0)
    file_.fail("no sketch at offset " + std::to_string(offset) + " (corrupt documents.bin?)");
  Header header;
  if (prefix.size() >= sizeof header) {
    std::memcpy(&header, prefix.data(), sizeof header);
  } else {
    file_.read_at(offset, &header, sizeof header);
  }
  // Checked before anything is allocated for it: a corrupt count could ask for terabytes.
  const std::uint64_t bytes =
      sizeof header + padded_id_bytes(header.id_bytes) + (std::uint64_t{header.shingles} + header.numbers) * sizeof(std::uint32_t);
  if (bytes > kWorkFileHeaderBytes + file_.data_bytes() - offset)
    file_.fail("the sketch at offset " + std::to_string(offset) + " runs past the end (corrupt?)");
  return header;
}

template <std::size_t N>
std::span<const char> SketchReader::bytes_from(std::uint64_t offset, std::array<char, N>& block) const {
  const std::uint64_t end = kWorkFileHeaderBytes + file_.data_bytes();
  if (offset < kWorkFileHeaderBytes || offset >= end) return {};  // read_header() reports it
  if (map_.mapped()) return map_.bytes().subspan(static_cast<std::size_t>(offset));
  const auto bytes = static_cast<std::size_t>(std::min<std::uint64_t>(N, end - offset));
  file_.read_at(offset, block.data(), bytes);
  return {block.data(), bytes};
}

// Verification reads two sketches per comparison, at random offsets. From the map, the arrays
// are viewed where they lie (aligned for u32 since version 3): a copy of each cost as much as
// the pages' misses it had to wait for anyway. Otherwise one read of a block that holds most
// records whole, instead of one for the header and one for each array. 2 KiB holds 97% of
// seed 11's records whole (4 KiB did with version 1's 64-bit hashes, twice the bytes); the
// kernel copies the whole block, and a short document's record is 300 to 400 bytes, so a larger
// block costs every read (1 M short documents: the cluster stage 4.2 -> 3.75 s with 2 KiB
// instead of 4).
ShingleView SketchReader::read(std::uint64_t offset, ShingleBuffer& buffer) const {
  std::array<char, 2048> block;
  const std::span<const char> bytes = bytes_from(offset, block);
  const Header header = read_header(offset, bytes);
  const std::uint64_t body = sizeof header + padded_id_bytes(header.id_bytes);  // from `offset`
  if (map_.mapped()) {
    // The map starts on a page and records on a multiple of 4 (read_header() checked `offset`).
    const auto* shingles = reinterpret_cast<const std::uint32_t*>(bytes.data() + body);
    return {{shingles, header.shingles}, {shingles + header.shingles, header.numbers}};
  }
  buffer.shingles.resize(header.shingles);
  buffer.numbers.resize(header.numbers);
  const std::uint64_t shingle_bytes = std::uint64_t{header.shingles} * sizeof(std::uint32_t);
  const std::uint64_t number_bytes = std::uint64_t{header.numbers} * sizeof(std::uint32_t);
  if (body + shingle_bytes + number_bytes <= bytes.size()) {
    // An empty vector's data() may be null, which memcpy must not be given even for 0 bytes.
    if (shingle_bytes > 0) std::memcpy(buffer.shingles.data(), bytes.data() + body, shingle_bytes);
    if (number_bytes > 0) std::memcpy(buffer.numbers.data(), bytes.data() + body + shingle_bytes, number_bytes);
  } else {
    file_.read_at(offset + body, buffer.shingles.data(), shingle_bytes);
    file_.read_at(offset + body + shingle_bytes, buffer.numbers.data(), number_bytes);
  }
  return {buffer.shingles, buffer.numbers};
}

std::string SketchReader::read_id(std::uint64_t offset) const {
  std::string id;
  read_id(offset, id);
  return id;
}

void SketchReader::read_id(std::uint64_t offset, std::string& id) const {
  std::array<char, 512> block;
  const std::span<const char> bytes = bytes_from(offset, block);
  const Header header = read_header(offset, bytes);
  if (sizeof header + header.id_bytes <= bytes.size()) {
    id.assign(bytes.data() + sizeof header, header.id_bytes);
  } else {
    id.resize(header.id_bytes);
    file_.read_at(offset + sizeof header, id.data(), id.size());
  }
}

}  // namespace newsdedup
