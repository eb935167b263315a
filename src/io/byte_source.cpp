#include "io/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

namespace newsdedup {
namespace {

constexpr std::size_t kCompressedChunk = 256 * 1024;

class PlainSource final : public ByteSource {
 public:
  explicit PlainSource(const std::filesystem::path& path) : ByteSource(path) {}
  std::size_t read(char* buffer, std::size_t size) override { return read_file(buffer, size); }
};

// Inflates gzip members back to back; trailing bytes that do not start a new member are
// ignored, like gzip(1) and zlib's gzread do.
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(const std::filesystem::path& path) : ByteSource(path), in_(kCompressedChunk) {
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  std::size_t read(char* buffer, std::size_t size) override {
    if (done_ || failed_) return 0;
    const auto avail = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = avail;
    while (stream_.avail_out == avail && !failed_) {
      if (stream_.avail_in == 0 && !eof_) refill();
      if (failed_) break;
      if (member_done_) {
        if (stream_.avail_in == 0 || stream_.next_in[0] != 0x1f) {
          done_ = true;
          break;
        }
        inflateReset(&stream_);
        member_done_ = false;
      }
      if (stream_.avail_in == 0 && !seen_input_) {  // an empty file holds no documents
        done_ = true;
        break;
      }
      const int ret = inflate(&stream_, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        member_done_ = true;
      } else if (ret == Z_BUF_ERROR) {  // no progress possible: input ended inside a member
        fail("truncated gzip data (unexpected end of file)", true);
      } else if (ret != Z_OK) {
        fail(std::string("corrupt gzip data: ") + (stream_.msg ? stream_.msg : zError(ret)), true);
      }
    }
    return avail - stream_.avail_out;
  }

 private:
  void refill() {
    const std::size_t n = read_file(in_.data(), in_.size());
    if (n == 0) eof_ = true;
    seen_input_ |= n > 0;
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
    stream_.avail_in = static_cast<uInt>(n);
  }

  z_stream stream_{};
  std::vector<char> in_;
  bool eof_ = false, done_ = false, member_done_ = false, seen_input_ = false;
};

// Decompresses zstd frames back to back; input that ends inside a frame is reported as
// truncated once the decoder has flushed all it can.
class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(const std::filesystem::path& path)
      : ByteSource(path), ctx_(ZSTD_createDCtx()), buffer_(ZSTD_DStreamInSize()) {
    if (!ctx_) throw std::bad_alloc();
  }
  ~ZstdSource() override { ZSTD_freeDCtx(ctx_); }

  std::size_t read(char* buffer, std::size_t size) override {
    if (done_ || failed_) return 0;
    ZSTD_outBuffer out{buffer, size, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size && !eof_) {
        in_.size = read_file(buffer_.data(), buffer_.size());
        in_.src = buffer_.data();
        in_.pos = 0;
        eof_ = in_.size == 0;
        if (failed_) break;
      }
      const std::size_t in_before = in_.pos;
      const std::size_t ret = ZSTD_decompressStream(ctx_, &out, &in_);
      if (ZSTD_isError(ret)) {
        fail(std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret), true);
        break;
      }
      // 0 means a frame ended and was fully flushed; a call that moved nothing leaves the
      // decoder where it was (at a frame boundary, it only reports the next header's size).
      if (ret == 0) {
        in_frame_ = false;
      } else if (in_.pos != in_before || out.pos != 0) {
        in_frame_ = true;
      }
      if (out.pos == 0 && eof_ && in_.pos == in_.size) {
        if (in_frame_) fail("truncated zstd data (unexpected end of file)", true);
        done_ = true;
        break;
      }
    }
    return out.pos;
  }

 private:
  ZSTD_DCtx* ctx_;
  std::vector<char> buffer_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool eof_ = false, done_ = false, in_frame_ = false;
};

}  // namespace

ByteSource::ByteSource(const std::filesystem::path& path)
    : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
  if (fd_ < 0) throw std::system_error(errno, std::generic_category());
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

ByteSource::~ByteSource() { ::close(fd_); }

std::unique_ptr<ByteSource> ByteSource::open(const std::filesystem::path& path,
                                             Compression compression) {
  switch (compression) {
    case Compression::gzip: return std::make_unique<GzipSource>(path);
    case Compression::zstd: return std::make_unique<ZstdSource>(path);
    case Compression::none: break;
  }
  return std::make_unique<PlainSource>(path);
}

std::size_t ByteSource::read_file(char* buffer, std::size_t size) {
  while (!failed_) {
    const ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) {
      consumed_ += static_cast<std::uint64_t>(n);
      return static_cast<std::size_t>(n);
    }
    if (errno != EINTR) fail(std::strerror(errno), false);
  }
  return 0;
}

void ByteSource::fail(std::string message, bool corrupt) {
  failed_ = true;
  error_ = std::move(message);
  corrupt_ = corrupt;
}

}  // namespace newsdedup
