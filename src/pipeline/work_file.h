// WorkFile: the envelope shared by every file the stages hand to each other (documents,
// sketches, spool, exact keys, band keys, candidate pairs, assignments; docs/formats.md).
//
// A work file is a 16-byte header, the records, and a 16-byte footer, all little-endian:
//   header: 8-byte magic naming the format, u32 version, u32 record bytes (0: variable length)
//   footer: u64 record count, the 8 bytes "NDD-DONE"
// The footer is written last, so a file cut short by a crash or a full disk is refused rather
// than read as a smaller corpus. FormatWriter writes one either as a persistent file, which
// appears under its name only when finished (io/atomic_file), or as an unnamed temporary file
// that a FormatReader can read back in the same process (buffered by the writer itself, a MiB
// at a time, and visible to readers after flush()). FormatReader checks the envelope on
// opening and every read against it; any mismatch throws WorkFileError naming the file.
// Neither class is thread-safe, except that FormatReader::read_at() may be called from
// several threads at once (it only preads), and FormatWriter::release_temporary() from any
// thread once nothing reads the file any more.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "io/unnamed_file.h"

namespace newsdedup {

static_assert(std::endian::native == std::endian::little, "work files are written in the machine's byte order");

struct WorkFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct FileFormat {
  std::string_view magic;  // exactly 8 bytes
  std::uint32_t version = 1;
  std::uint32_t record_bytes = 0;  // 0: records of variable length
};

inline constexpr std::uint64_t kWorkFileHeaderBytes = 16;
inline constexpr std::uint64_t kWorkFileFooterBytes = 16;

class AtomicFile;

class FormatWriter {
 public:
  enum class Kind { kPersistent, kTemporary };
  // kPersistent: `path` appears when finish() returns; it must not exist unless `overwrite`.
  // kTemporary: an unnamed file in `path`'s folder (`path` names it in messages only).
  FormatWriter(std::filesystem::path path, const FileFormat& format, Kind kind, bool overwrite = false);
  ~FormatWriter();
  FormatWriter(const FormatWriter&) = delete;
  FormatWriter& operator=(const FormatWriter&) = delete;

  void write(const void* data, std::size_t bytes) {
    // Most writes are a few bytes (a length) to a few KB (a record): copied into the buffer
    // here, inline, with a system call per MiB, instead of a call into stdio each.
    if (bytes <= kBufferBytes - buffered_ && buffer_ != nullptr && bytes > 0) {
      std::memcpy(buffer_.get() + buffered_, data, bytes);
      buffered_ += bytes;
      offset_ += bytes;
      return;
    }
    write_through(data, bytes);
  }
  template <typename Record>
  void write_record(const Record& record) {
    write(&record, sizeof record);
    ++records_;
  }
  // For variable-length records: counts one after its bytes were written.
  void end_record() { ++records_; }
  // Offset of the next byte written, from the start of the file.
  std::uint64_t offset() const { return offset_; }
  std::uint64_t records() const { return records_; }
  // Makes what was written so far visible to pread (temporary files only).
  void flush();
  // Writes the footer; a persistent file then appears under its name.
  void finish();
  // The descriptor of a temporary file, for FormatReader.
  int temporary_fd() const;
  // Empties a temporary file that nothing will read again, freeing its pages now rather than when
  // it is closed (on seed 11 the spool's 134 MB took 15 ms to free, on one thread at the end of a
  // run): a caller can have that done on another thread meanwhile. Best effort: a file that
  // cannot be truncated is freed when closed, as before.
  void release_temporary();
  const std::filesystem::path& path() const { return path_; }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 20;

  void write_through(const void* data, std::size_t bytes);
  void drain();  // writes the buffer to the temporary file

  std::filesystem::path path_;
  std::unique_ptr<AtomicFile> persistent_;
  UnnamedFile temporary_;  // fd -1 for a persistent file
  std::unique_ptr<char[]> buffer_;  // temporary files only
  std::size_t buffered_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t records_ = 0;
};

class FormatReader {
 public:
  // Opens and checks a finished file.
  FormatReader(std::filesystem::path path, const FileFormat& format);
  // Reads a finished temporary file through the writer's descriptor (which must outlive this).
  explicit FormatReader(const FormatWriter& finished, const FileFormat& format);
  // Reads the records a temporary writer has flushed so far, without a footer to check.
  static FormatReader unfinished(const FormatWriter& writer, const FileFormat& format);
  ~FormatReader();
  FormatReader(FormatReader&& other) noexcept;
  FormatReader& operator=(FormatReader&&) = delete;
  FormatReader(const FormatReader&) = delete;
  FormatReader& operator=(const FormatReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The open descriptor (owned by this reader or by the writer it reads), for mapping.
  int descriptor() const { return fd_; }
  std::uint64_t records() const { return records_; }
  std::uint64_t data_bytes() const { return end_ - kWorkFileHeaderBytes; }

  // Positioned read of bytes [offset, offset + bytes) of the records.
  void read_at(std::uint64_t offset, void* into, std::size_t bytes) const;
  // Sequential reading from the first record: false at the end of the records, throws when
  // a read would cross it.
  bool read(void* into, std::size_t bytes);
  template <typename Record>
  bool read_record(Record& record) {
    return read(&record, sizeof record);
  }
  // Bytes of records not read yet by read().
  std::uint64_t remaining() const { return end_ - position_ + (buffer_.size() - buffer_position_); }
  bool at_end() const { return position_ == end_ && buffer_position_ == buffer_.size(); }
  [[noreturn]] void fail(std::string_view what) const;

 private:
  FormatReader(std::filesystem::path path, int fd, bool owned);
  void check(const FileFormat& format, std::optional<std::uint64_t> unfinished_end);

  std::filesystem::path path_;
  int fd_ = -1;
  bool owned_ = false;
  std::uint64_t end_ = 0;  // offset of the footer
  std::uint64_t records_ = 0;
  std::uint64_t position_ = kWorkFileHeaderBytes;
  std::vector<char> buffer_;
  std::size_t buffer_position_ = 0;
};

}  // namespace newsdedup
