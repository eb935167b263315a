#include "io/line_reader.h"

#include <cstring>

namespace newsdedup {

LineReader::LineReader(ByteSource& source, std::size_t chunk_size)
    : source_(source),
      chunk_size_(chunk_size),
      buffer_(new char[chunk_size + kPadding]),
      capacity_(chunk_size) {
  std::memset(buffer_.get() + capacity_, ' ', kPadding);  // padding is read, keep it defined
}

std::optional<std::string_view> LineReader::next() {
  for (;;) {
    char* base = buffer_.get();
    if (auto* nl = static_cast<char*>(std::memchr(base + scanned_, '\n', end_ - scanned_))) {
      const auto start = begin_;
      const auto stop = static_cast<std::size_t>(nl - base);
      begin_ = scanned_ = stop + 1;
      line_bytes_ = stop + 1 - start;
      ++line_number_;
      const std::size_t len = stop - start;
      return std::string_view(base + start, len > 0 && base[stop - 1] == '\r' ? len - 1 : len);
    }
    scanned_ = end_;
    if (!eof_ && fill()) continue;
    if (begin_ == end_ || !source_.error().empty()) return std::nullopt;
    // The last line has no terminator.
    const auto start = begin_;
    line_bytes_ = end_ - start;
    begin_ = scanned_ = end_;
    ++line_number_;
    const std::size_t len = end_ - start;
    return std::string_view(base + start,
                            base[end_ - 1] == '\r' ? len - 1 : len);
  }
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
