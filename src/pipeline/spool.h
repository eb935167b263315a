// Spool: per-document output records (id, corpus line, audit details) written by the sketch
// stage and read back in input order by the write stage, so the corpus's text is never held
// in memory.
//
// A work file (pipeline/work_file.h) of magic "NDD-SPOL", version 2, variable-length records:
// each record is a fixed number of strings (5 in spool.bin: id; the corpus line's head, text
// and tail, the text not yet a JSON string, all three "" when the document has no text; audit
// details), each a u32 byte length and the bytes. The text is escaped by the write stage, for
// the documents kept only (version 1 held every document's whole corpus line). The footer
// counts records. SpoolReader reads either a string at a time (read, append) or whole records a
// block at a time (read_records: a map of the block, or one read into the caller's block, and
// views into it, where a string at a time copies every string out of the file's read buffer);
// one reader uses one way.
// SpoolWriter and SpoolReader are not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/mapped_file.h"
#include "pipeline/work_file.h"

namespace newsdedup {

inline constexpr FileFormat kSpoolFormat{"NDD-SPOL", 2, 0};

class SpoolWriter {
 public:
  SpoolWriter(std::filesystem::path path, FormatWriter::Kind kind, bool overwrite = false)
      : file_(std::move(path), kSpoolFormat, kind, overwrite) {}
  void write(std::string_view text);
  void end_record() { file_.end_record(); }
  void finish() { file_.finish(); }
  // A temporary spool read for the last time: see FormatWriter::release_temporary().
  void release() { file_.release_temporary(); }
  const FormatWriter& file() const { return file_; }

 private:
  FormatWriter file_;
};

// Whole records of a spool as read_records() left them: `strings` views `window` or `bytes`, so
// it is valid until the block is read into again.
struct SpoolBlock {
  // The records where the spool is mapped: a window of about a MiB at a time, since the kernel's
  // copy of every byte into a buffer (pread) was the write stage's largest cost (15% of its
  // samples on seed 11) and most of the text read is never used (only the kept documents' is
  // written), and a map of the whole file would keep all of its pages resident.
  MappedFile window;
  std::unique_ptr<char[]> bytes;  // or read: uninitialised, every byte viewed was read
  std::size_t capacity = 0;
  std::vector<std::string_view> strings;  // strings_per_record a record, in order
};

class SpoolReader {
 public:
  explicit SpoolReader(FormatReader file) : file_(std::move(file)) {}
  static SpoolReader open(const std::filesystem::path& path) { return SpoolReader(FormatReader(path, kSpoolFormat)); }
  // A finished temporary spool, read back in the process that wrote it.
  static SpoolReader open(const SpoolWriter& finished) { return SpoolReader(FormatReader(finished.file(), kSpoolFormat)); }
  std::uint64_t records() const { return file_.records(); }
  // Reads the next string; throws WorkFileError naming the file at its end.
  void read(std::string& text);
  // Appends the next string to `text` and returns its length (a batch of strings read into one
  // buffer, not one allocation each); throws as read() does.
  std::size_t append(std::string& text);
  // Reads the next whole records, of `strings_per_record` strings each, into `block`: at most
  // `max_records`, and no more once `bytes` are read, but at least one, however long (the
  // block grows to hold it). Returns how many (0 at the end); throws as read() does when a
  // record is cut short.
  std::size_t read_records(std::size_t max_records, std::size_t bytes, std::size_t strings_per_record,
                           SpoolBlock& block);
  // Whether read_records() maps blocks (the default) or reads them with pread (the way taken
  // where mmap is refused; for tests).
  void map_blocks(bool map) { map_blocks_ = map; }
  // Throws WorkFileError naming the file.
  [[noreturn]] void fail(std::string_view what) const { file_.fail(what); }

 private:
  FormatReader file_;
  // The file's bytes [from, from + size) in `block`: mapped, or read into its buffer.
  const char* load(SpoolBlock& block, std::uint64_t from, std::size_t size);

  std::uint64_t next_record_ = kWorkFileHeaderBytes;  // read_records(): where the next one starts
  bool map_blocks_ = true;
};

}  // namespace newsdedup
