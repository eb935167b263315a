// AtomicFile: an output file that appears under its final name only when complete.
//
// Bytes are written to "<path>.tmp-<pid>" beside the final path; commit() flushes, fsyncs and
// renames it into place. Destroying an AtomicFile that was not committed removes the temporary
// file, so an interrupted run never leaves a file that looks complete.
// Opening fails (throws OutputError) when `path` exists and `overwrite` is false.
// Not thread-safe; owns its file handle. Writes are buffered.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsdedup {

struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class AtomicFile {
 public:
  AtomicFile(std::filesystem::path path, bool overwrite);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  void commit();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // stdio buffer; large, since outputs are written in bulk
  bool overwrite_;
};

}  // namespace newsdedup
