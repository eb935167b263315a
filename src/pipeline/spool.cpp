#include "pipeline/spool.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace newsdedup {

void SpoolWriter::write(std::string_view text) {
  if (text.size() > UINT32_MAX) throw WorkFileError(file_.path().string() + ": a record over 4 GiB");
  const auto size = static_cast<std::uint32_t>(text.size());
  file_.write(&size, sizeof size);
  file_.write(text.data(), text.size());
}

void SpoolReader::read(std::string& text) {
  text.clear();
  append(text);
}

std::size_t SpoolReader::append(std::string& text) {
  std::uint32_t size = 0;
  if (!file_.read(&size, sizeof size)) file_.fail("fewer records than documents (truncated or corrupt)");
  // Checked before allocating: a corrupt length could ask for 4 GiB.
  if (size > file_.remaining()) file_.fail("a record runs past the end of the file (truncated or corrupt)");
  const std::size_t at = text.size();
  text.resize(at + size);
  file_.read(text.data() + at, size);
  return size;
}

std::size_t SpoolReader::read_records(std::size_t max_records, std::size_t bytes, std::size_t strings_per_record,
                                      SpoolBlock& block) {
  block.strings.clear();
  const std::uint64_t end = kWorkFileHeaderBytes + file_.data_bytes();
  // One read of what the block can take; a record it cuts is read again by the next call.
  std::size_t filled = static_cast<std::size_t>(std::min<std::uint64_t>(std::max(bytes, block.capacity), end - next_record_));
  const auto reserve = [&](std::size_t size) {
    if (size <= block.capacity) return;
    block.capacity = std::max(size, 2 * block.capacity);
    block.bytes.reset(new char[block.capacity]);  // no zeroing: every byte viewed is read first
  };
  reserve(filled);
  if (filled > 0) file_.read_at(next_record_, block.bytes.get(), filled);
  std::size_t records = 0;
  std::size_t at = 0;  // start of the record being parsed, in the block
  while (records < max_records && next_record_ + at < end && (records == 0 || at < bytes)) {
    std::size_t cursor = at;
    bool whole = true;
    for (std::size_t s = 0; s < strings_per_record && whole; ++s) {
      std::uint32_t size = 0;
      if (cursor + sizeof size > filled) {
        whole = false;
        break;
      }
      std::memcpy(&size, block.bytes.get() + cursor, sizeof size);
      // Checked before any allocation: a corrupt length could ask for 4 GiB.
      if (size > end - (next_record_ + cursor + sizeof size))
        file_.fail("a record runs past the end of the file (truncated or corrupt)");
      cursor += sizeof size + size;
      whole = cursor <= filled;
    }
    if (!whole) {
      if (records > 0) break;  // the next call starts with it
      // The first record is longer than the block: read it whole (its lengths were checked
      // against the file as far as they were read).
      std::uint64_t need = 0;
      for (std::size_t s = 0; s < strings_per_record; ++s) {
        std::uint32_t size = 0;
        if (next_record_ + need + sizeof size > end) file_.fail("fewer records than documents (truncated or corrupt)");
        file_.read_at(next_record_ + need, &size, sizeof size);
        if (size > end - (next_record_ + need + sizeof size))
          file_.fail("a record runs past the end of the file (truncated or corrupt)");
        need += sizeof size + size;
      }
      reserve(static_cast<std::size_t>(need));
      filled = static_cast<std::size_t>(need);
      file_.read_at(next_record_, block.bytes.get(), filled);
      continue;
    }
    for (std::size_t s = 0; s < strings_per_record; ++s) {
      std::uint32_t size = 0;
      std::memcpy(&size, block.bytes.get() + at, sizeof size);
      block.strings.emplace_back(block.bytes.get() + at + sizeof size, size);
      at += sizeof size + size;
    }
    ++records;
  }
  next_record_ += at;
  return records;
}

}  // namespace newsdedup
