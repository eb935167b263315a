#include "pipeline/spool.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

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

const char* SpoolReader::load(SpoolBlock& block, std::uint64_t from, std::size_t size) {
  if (map_blocks_) {
    block.window = MappedFile();  // the window before, unmapped first
    // Populated at once: the block is read whole.
    block.window = MappedFile(file_.descriptor(), from, size, /*populate=*/true);
    if (block.window.mapped()) return block.window.bytes().data();
  }
  if (size > block.capacity) {
    block.capacity = std::max(size, 2 * block.capacity);
    block.bytes.reset(new char[block.capacity]);  // no zeroing: every byte viewed is read first
  }
  if (size > 0) file_.read_at(from, block.bytes.get(), size);
  return block.bytes.get();
}

std::size_t SpoolReader::read_records(std::size_t max_records, std::size_t bytes, std::size_t strings_per_record,
                                      SpoolBlock& block) {
  block.strings.clear();
  const std::uint64_t end = kWorkFileHeaderBytes + file_.data_bytes();
  // One read (or map) of what the block can take; a record it cuts is read again by the next call.
  std::size_t filled = static_cast<std::size_t>(std::min<std::uint64_t>(std::max(bytes, block.capacity), end - next_record_));
  const char* data = load(block, next_record_, filled);
  std::size_t records = 0;
  std::size_t at = 0;  // start of the record being parsed, in the block
  // A mapped block is not in the cache, and each record's lengths are found from the one before:
  // a miss after a miss. Its lines are prefetched in order ahead of the parse instead, four a
  // step, within the block.
  constexpr std::size_t kLine = 64;
  constexpr std::size_t kPrefetchAhead = 8192;
  std::size_t prefetched = 0;
  while (records < max_records && next_record_ + at < end && (records == 0 || at < bytes)) {
    for (const std::size_t until = std::min(at + kPrefetchAhead, filled); prefetched + 4 * kLine <= until;
         prefetched += 4 * kLine) {
      __builtin_prefetch(data + prefetched);
      __builtin_prefetch(data + prefetched + kLine);
      __builtin_prefetch(data + prefetched + 2 * kLine);
      __builtin_prefetch(data + prefetched + 3 * kLine);
    }
    std::size_t cursor = at;
    bool whole = true;
    for (std::size_t s = 0; s < strings_per_record && whole; ++s) {
      std::uint32_t size = 0;
      if (cursor + sizeof size > filled) {
        whole = false;
        break;
      }
      std::memcpy(&size, data + cursor, sizeof size);
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
      filled = static_cast<std::size_t>(need);
      data = load(block, next_record_, filled);
      continue;
    }
    for (std::size_t s = 0; s < strings_per_record; ++s) {
      std::uint32_t size = 0;
      std::memcpy(&size, data + at, sizeof size);
      block.strings.emplace_back(data + at + sizeof size, size);
      at += sizeof size + size;
    }
    ++records;
  }
  next_record_ += at;
  return records;
}

}  // namespace newsdedup
