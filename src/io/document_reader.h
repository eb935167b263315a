// DocumentReader: turns the inputs named on the command line into a stream of Documents.
//
// Inputs are files and folders (read recursively, in sorted path order so that a run is
// reproducible). By extension:
//   *.txt                         one document; id = file name without extension
//   *.jsonl, *.jsonl.gz, *.jsonl.zst  one JSON object per line; id from InputOptions::id_field
//                                 (else "FILE:LINE"), text from InputOptions::text_field; every
//                                 other field is kept as raw JSON in Document::extra_fields_json
// Files of other kinds found inside a folder are skipped with a diagnostic; a file named
// explicitly is read by its extension, or rejected with a diagnostic.
// Lines that cannot be used (not JSON, no text field) become Documents with `problem` set, so
// every input line is accounted for; so do lines and .txt files over
// InputOptions::max_document_bytes, whose bytes are skipped, never held. Invalid UTF-8 is
// repaired with U+FFFD and counted.
// Ids are made unique here, where documents are numbered (IdRegistry): a repeated id is
// renamed "<id>#2", ... with a diagnostic, and the id as read kept in Document::original_id.
// Every problem is reported through Diagnostics as one line naming the file (and line).
// A named pipe named on the command line is read like a file of its kind.
//
// Not thread-safe: one thread pulls documents with next(); the reader owns its open file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document/document.h"
#include "io/diagnostics.h"
#include "io/input_options.h"

namespace newsdedup {

class IdRegistry;

class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> inputs, InputOptions options, Diagnostics& diagnostics);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // The next document in input order, or nullopt at the end of all inputs.
  std::optional<Document> next();
  // The same into `doc`, whose every field it sets, reusing its strings' buffers; false at the
  // end of all inputs.
  bool next(Document& doc);

  // Total size in bytes of the input files found (known after construction; for progress).
  std::uint64_t total_input_bytes() const { return total_bytes_; }
  // Bytes consumed so far (compressed bytes for compressed files).
  std::uint64_t bytes_consumed() const;
  // Every file that will be read, in order.
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  class FileCursor;
  bool open_next_file();
  void make_id_unique(Document& doc);

  InputOptions options_;
  Diagnostics& diagnostics_;
  std::vector<std::filesystem::path> files_;
  std::vector<std::uint64_t> file_sizes_;  // parallel to files_, as found at construction
  std::uint64_t total_bytes_ = 0;
  std::uint64_t finished_bytes_ = 0;
  std::size_t next_file_ = 0;
  std::uint64_t next_ordinal_ = 0;
  std::unique_ptr<FileCursor> cursor_;
  std::unique_ptr<IdRegistry> ids_;
};

// True when the path names something DocumentReader reads (by extension).
bool is_readable_input_name(const std::filesystem::path& path);

}  // namespace newsdedup
