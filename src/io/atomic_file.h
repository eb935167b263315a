// AtomicFile: an output file that appears under its final name only when complete.
//
// Bytes are written to an unnamed temporary file in the destination folder (O_TMPFILE), which
// commit() flushes, fsyncs and links into place under its final name; a process killed before
// that leaves nothing behind at all. Where the file system has no O_TMPFILE (or /proc is not
// mounted), the temporary file is "<path>.tmp-<pid>" instead, renamed by commit() and removed
// by the destructor, so an interrupted run never leaves a file under a final name either way.
// Opening fails (throws OutputError) when `path` exists and `overwrite` is false; without
// `overwrite`, commit() also refuses a file that appeared under `path` meanwhile.
// Not thread-safe; owns its file descriptor. Small writes are gathered in a buffer of 1 MiB;
// one of 64 KiB or more flushes it and goes to the file directly instead of being copied through
// it (the write stage hands over a batch's lines at a time, about half a MiB of audit lines). The
// file's writeback to disk starts as it grows, so that commit() waits for little.
#pragma once

#include <cstddef>
#include <cstdint>
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

  // For tests: makes AtomicFiles opened from now on use the named temporary file, as on a file
  // system without O_TMPFILE, so that both ways are tested on any machine.
  static void use_named_temporary_files(bool named);

 private:
  void publish_named();
  void publish_anonymous();
  void write_to_file(const char* data, std::size_t size);
  void flush();
  void start_writeback();  // of what was handed to the file since the last call

  std::filesystem::path path_;
  std::filesystem::path temp_path_;  // empty when the temporary file has no name
  int fd_ = -1;                      // -1 once committed
  std::unique_ptr<char[]> buffer_;
  std::size_t buffered_ = 0;             // bytes in buffer_, not yet in the file
  bool overwrite_;
  std::uint64_t in_file_ = 0;            // bytes handed to the file
  std::uint64_t writeback_started_ = 0;  // bytes whose writeback was started
};

}  // namespace newsdedup
