// SketchStore: what the cluster and write stages need to know about each comparable document
// (its id, shingles and figures), kept on disk and read back by offset, so the corpus's
// sketches never occupy the process's memory.
//
// sketches.bin is a work file (pipeline/work_file.h) of magic "NDD-SKCH", version 3,
// variable-length records: u32 id bytes, u32 shingle count, u32 figure count, the id, zero
// bytes up to a multiple of 4, the shingle keys (u32, ascending, distinct), the figure hashes
// (u32, ascending, distinct): the 32-bit values verification compares (dedup/shingles.h).
// Version 1 held 64-bit hashes; version 2 did not pad the id, so its arrays were not aligned.
// A record is addressed by its offset from the start of the file (documents.bin holds each
// document's; 0 = no record), so the first one is at 16, after the header; every record starts
// on a multiple of 4.
// SketchWriter::append() returns that offset. SketchReader reads through a memory map of the
// file (io/mapped_file.h) when the records fit in the `resident_bytes` it is given, and with
// pread otherwise (verification reads records at random offsets all over the file, about 3 GB
// for 10 M short documents, 6 GB in version 1; a map bounded by unmapping its pages again was
// measured slower than pread once it had to unmap them). read() views a mapped record's arrays
// in the map, and copies them into the caller's buffer otherwise. read() and read_id() may be
// called from several threads at once; SketchWriter is not thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "dedup/clusterer.h"
#include "io/mapped_file.h"
#include "pipeline/work_file.h"

namespace newsdedup {

inline constexpr FileFormat kSketchFormat{"NDD-SKCH", 3, 0};

// An id's bytes in a record, with the padding that aligns the arrays after it.
inline constexpr std::uint64_t padded_id_bytes(std::uint64_t id_bytes) { return (id_bytes + 3) & ~std::uint64_t{3}; }

// The share of a job's memory budget a SketchReader keeps resident: a quarter, since the key
// sorters have given their buffers back by the time sketches are read (a re-sort of the pairs
// meanwhile takes the rest).
inline constexpr std::uint64_t sketch_resident_bytes(std::uint64_t memory_bytes) { return memory_bytes / 4; }

class SketchWriter {
 public:
  SketchWriter(std::filesystem::path path, FormatWriter::Kind kind, bool overwrite = false)
      : file_(std::move(path), kSketchFormat, kind, overwrite) {}
  std::uint64_t append(std::string_view id, std::span<const std::uint32_t> shingles,
                       std::span<const std::uint32_t> numbers);
  // Makes a temporary store's records readable (SketchReader::open(writer)).
  void flush() { file_.flush(); }
  void finish() { file_.finish(); }
  // A temporary store read for the last time: see FormatWriter::release_temporary().
  void release() { file_.release_temporary(); }
  const FormatWriter& file() const { return file_; }

 private:
  FormatWriter file_;
};

class SketchReader {
 public:
  SketchReader(FormatReader file, std::uint64_t resident_bytes);
  static SketchReader open(const std::filesystem::path& path, std::uint64_t resident_bytes) {
    return SketchReader(FormatReader(path, kSketchFormat), resident_bytes);
  }
  // What a temporary writer has flushed so far (it may go on appending; open again to see more).
  static SketchReader open(const SketchWriter& writer, std::uint64_t resident_bytes) {
    return SketchReader(FormatReader::unfinished(writer.file(), kSketchFormat), resident_bytes);
  }
  // The record's arrays: in the map, valid while the reader is, or in `buffer`, valid until it
  // is read into again.
  ShingleView read(std::uint64_t offset, ShingleBuffer& buffer) const;
  std::string read_id(std::uint64_t offset) const;
  // The same into `id`, whose buffer is reused.
  void read_id(std::uint64_t offset, std::string& id) const;

 private:
  struct Header {
    std::uint32_t id_bytes = 0;
    std::uint32_t shingles = 0;
    std::uint32_t numbers = 0;
  };
  // Reads the header at `offset` and checks the record it announces lies within the file.
  // `prefix`, when given, already holds the file's bytes from `offset` on.
  Header read_header(std::uint64_t offset, std::span<const char> prefix = {}) const;
  // The file's bytes from `offset` on: from the map, or up to N bytes read into `block` (fewer
  // at the end of the file).
  template <std::size_t N>
  std::span<const char> bytes_from(std::uint64_t offset, std::array<char, N>& block) const;

  FormatReader file_;
  MappedFile map_;  // header and records; empty when they are read with pread
};

}  // namespace newsdedup
