#include "io/line_reader.h"

#include <cstring>

namespace newsdedup {

LineReader::LineReader(ByteSource& source, std::size_t chunk_size, std::size_t max_line_bytes)
    : source_(source),
      chunk_size_(chunk_size),
      max_line_bytes_(max_line_bytes),
      buffer_(new char[chunk_size + kPadding]),
      capacity_(chunk_size) {
  std::memset(buffer_.get() + capacity_, ' ', kPadding);  // padding is read, keep it defined
}

std::optional<std::string_view> LineReader::next() {
  too_long_ = false;
  for (;;) {
    char* base = buffer_.get();
    if (auto* nl = static_cast<char*>(std::memchr(base + scanned_, '\n', end_ - scanned_))) {
      const auto stop = static_cast<std::size_t>(nl - base);
      return take_line(begin_, stop, stop + 1);
    }
    scanned_ = end_;
    // Checked before the buffer grows for it, so that it never holds much more than the limit.
    if (end_ - begin_ > max_line_bytes_) return skip_long_line();
    if (!eof_ && fill()) continue;
    if (begin_ == end_ || !source_.error().empty()) return std::nullopt;
    return take_line(begin_, end_, end_);  // the last line, without a terminator
  }
}

std::string_view LineReader::take_line(std::size_t start, std::size_t stop, std::size_t next) {
  begin_ = scanned_ = next;
  line_bytes_ = next - start;
  ++line_number_;
  if (stop - start > max_line_bytes_) {
    too_long_ = true;
    return {};
  }
  const char* const line = buffer_.get() + start;
  const std::size_t size = stop - start;
  return {line, size > 0 && line[size - 1] == '\r' ? size - 1 : size};
}

std::optional<std::string_view> LineReader::skip_long_line() {
  std::size_t skipped = end_ - begin_;
  begin_ = scanned_ = end_ = 0;
  for (;;) {
    const std::size_t n = eof_ ? 0 : source_.read(buffer_.get(), capacity_);
    if (n == 0) {
      eof_ = true;
      if (!source_.error().empty()) return std::nullopt;  // only complete lines are returned
      break;
    }
    if (const auto* nl = static_cast<const char*>(std::memchr(buffer_.get(), '\n', n))) {
      const auto taken = static_cast<std::size_t>(nl - buffer_.get()) + 1;
      skipped += taken;
      begin_ = scanned_ = taken;
      end_ = n;
      break;
    }
    skipped += n;
  }
  line_bytes_ = skipped;
  ++line_number_;
  too_long_ = true;
  return std::string_view{};
}

bool LineReader::fill() {
  if (begin_ > 0) {  // keep the unfinished line, drop what was returned
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  if (capacity_ - end_ < chunk_size_ / 2) {
    const std::size_t capacity = capacity_ * 2;
    std::unique_ptr<char[]> bigger(new char[capacity + kPadding]);
    std::memcpy(bigger.get(), buffer_.get(), end_);
    std::memset(bigger.get() + capacity, ' ', kPadding);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  }
  const std::size_t n = source_.read(buffer_.get() + end_, capacity_ - end_);
  end_ += n;
  eof_ = n == 0;
  return n > 0;
}

}  // namespace newsdedup
