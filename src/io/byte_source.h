// ByteSource: the bytes of one input file, decompressed on the fly when it is gzip or zstd.
//
// A source streams: it holds one fixed-size buffer of compressed input, never the whole file.
// read() returns 0 both at the end and after a failure; error() tells them apart, and corrupt()
// tells damaged compressed data (truncated, bad checksum) from an I/O error. Everything read
// before a failure is valid data. Gzip sources read concatenated members, as gzip(1) does.
// Owns its file descriptor. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace newsdedup {

enum class Compression { none, gzip, zstd };

class ByteSource {
 public:
  virtual ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Opens `path`; throws std::system_error when the file cannot be opened.
  static std::unique_ptr<ByteSource> open(const std::filesystem::path& path,
                                          Compression compression);

  // Fills up to `size` bytes of `buffer` and returns how many; 0 means end of data or failure.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;

  // Bytes of the file read so far (compressed bytes for a compressed file).
  std::uint64_t consumed() const { return consumed_; }
  const std::string& error() const { return error_; }
  bool corrupt() const { return corrupt_; }

 protected:
  // Opens the file; throws std::system_error when it cannot be opened.
  explicit ByteSource(const std::filesystem::path& path);
  // Reads raw file bytes, retrying on EINTR; records an I/O error and returns 0 on failure.
  std::size_t read_file(char* buffer, std::size_t size);
  void fail(std::string message, bool corrupt);

  bool failed_ = false;

 private:
  int fd_;
  std::uint64_t consumed_ = 0;
  std::string error_;
  bool corrupt_ = false;
};

}  // namespace newsdedup
