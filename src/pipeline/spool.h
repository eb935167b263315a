// Spool: per-document output records (id, corpus line, audit details) written by the sketch
// stage and read back in input order by the write stage, so the corpus's text is never held
// in memory.
//
// A work file (pipeline/work_file.h) of magic "NDD-SPOL", version 1, variable-length records:
// each record is a fixed number of strings (3 in spool.bin: id, corpus line or "" when the
// document is not kept, audit details), each a u32 byte length and the bytes. The footer
// counts records. SpoolWriter and SpoolReader are not thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/work_file.h"

namespace newsdedup {

inline constexpr FileFormat kSpoolFormat{"NDD-SPOL", 1, 0};

class SpoolWriter {
 public:
  SpoolWriter(std::filesystem::path path, FormatWriter::Kind kind, bool overwrite = false)
      : file_(std::move(path), kSpoolFormat, kind, overwrite) {}
  void write(std::string_view text);
  void end_record() { file_.end_record(); }
  void finish() { file_.finish(); }
  const FormatWriter& file() const { return file_; }

 private:
  FormatWriter file_;
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

 private:
  FormatReader file_;
};

}  // namespace newsdedup
