// SketchStore: what de-duplication needs to know about each document after pass one (its id,
// shingles and figures), kept in a temporary file instead of memory and read back by offset.
//
// append() writes one record and returns its offset; read() and read_id() fetch a record
// with positioned reads (pread), so the corpus's sketches never occupy the process's memory.
// Record layout (native byte order): u32 id bytes, u32 shingles, u32 figures, then the id,
// the shingle hashes and the figure hashes (u64 each). The file has no name (a killed run
// leaves nothing) and is gone once the store is destroyed.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "dedup/clusterer.h"

namespace newsdedup {

class SketchStore {
 public:
  explicit SketchStore(std::filesystem::path path);
  ~SketchStore();
  SketchStore(const SketchStore&) = delete;
  SketchStore& operator=(const SketchStore&) = delete;

  std::uint64_t append(std::string_view id, std::span<const std::uint64_t> shingles,
                       std::span<const std::uint64_t> numbers);
  // Makes everything appended so far readable.
  void flush();
  ShingleView read(std::uint64_t offset, ShingleBuffer& buffer) const;
  std::string read_id(std::uint64_t offset) const;
  std::uint64_t bytes() const { return end_; }

 private:
  struct Header {
    std::uint32_t id_bytes = 0;
    std::uint32_t shingles = 0;
    std::uint32_t numbers = 0;
  };
  Header read_header(std::uint64_t offset) const;
  void read_at(std::uint64_t offset, void* into, std::size_t bytes) const;

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::uint64_t end_ = 0;
};

}  // namespace newsdedup
