// LineReader: splits a ByteSource into lines without holding more than the current line.
//
// Lines end at '\n' (a trailing '\r' is dropped); the last line needs no terminator. A line
// is returned as a view into the reader's buffer, valid until the next call, and is always
// followed by at least kPadding readable bytes, so that simdjson can parse it in place.
// The buffer grows to the longest line seen (a 20 MB line is fine) and is reused, up to a
// limit: a longer line is skipped without being held, and returned empty with line_too_long().
// When the source fails, the unterminated fragment read before the failure is dropped: only
// complete lines are returned. Owns its buffer, borrows the source. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>

#include "io/byte_source.h"

namespace newsdedup {

class LineReader {
 public:
  static constexpr std::size_t kPadding = 64;  // >= SIMDJSON_PADDING; checked where parsed

  explicit LineReader(ByteSource& source, std::size_t chunk_size = 1 << 20,
                      std::size_t max_line_bytes = std::numeric_limits<std::size_t>::max());

  // The next line, or nullopt at the end of the data (or after the source failed).
  std::optional<std::string_view> next();
  // 1-based number of the line last returned; after the end, the number of lines read.
  std::uint64_t line_number() const { return line_number_; }
  // Bytes the last line occupied in the (decompressed) input, terminator included.
  std::size_t line_bytes() const { return line_bytes_; }
  // Whether the line last returned was longer than max_line_bytes (a '\r' before its '\n'
  // counted): it was returned empty, its bytes skipped.
  bool line_too_long() const { return too_long_; }

 private:
  bool fill();  // reads more data, growing the buffer when one line fills it
  // Reads past the rest of the line being read, which is too long, without keeping it; returns
  // it empty, or nullopt where the source failed before its end.
  std::optional<std::string_view> skip_long_line();
  // Returns the line [start, stop) of the buffer (less a final '\r'), whose '\n' (if any) ends
  // before `next`, where reading goes on.
  std::string_view take_line(std::size_t start, std::size_t stop, std::size_t next);

  ByteSource& source_;
  std::size_t chunk_size_;
  std::size_t max_line_bytes_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;  // usable bytes; kPadding more are allocated
  std::size_t begin_ = 0, end_ = 0, scanned_ = 0;
  bool eof_ = false;
  std::uint64_t line_number_ = 0;
  std::size_t line_bytes_ = 0;
  bool too_long_ = false;
};

}  // namespace newsdedup
