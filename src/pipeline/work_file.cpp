#include "pipeline/work_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/atomic_file.h"
#include "io/pread_fully.h"
#include "io/unnamed_file.h"
#include "io/write_fully.h"

namespace newsdedup {
namespace {

constexpr std::string_view kDoneMagic = "NDD-DONE";
constexpr std::size_t kReadBuffer = 1 << 20;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t record_bytes;
};
struct Footer {
  std::uint64_t records;
  char magic[8];
};
static_assert(sizeof(Header) == kWorkFileHeaderBytes && sizeof(Footer) == kWorkFileFooterBytes);

// Writes to a temporary file, whose failure is most likely a full disk.
void write_temporary(const UnnamedFile& file, const void* data, std::size_t bytes, const std::filesystem::path& path) {
  if (!write_fully(file.fd(), data, bytes)) throw_file_error(path, "cannot write temporary file (is the disk full?)");
}

}  // namespace

FormatWriter::FormatWriter(std::filesystem::path path, const FileFormat& format, Kind kind, bool overwrite)
    : path_(std::move(path)) {
  if (kind == Kind::kPersistent) {
    persistent_ = std::make_unique<AtomicFile>(path_, overwrite);
  } else {
    temporary_ = UnnamedFile::create(path_);
    buffer_ = std::make_unique_for_overwrite<char[]>(kBufferBytes);
  }
  Header header{};
  std::memcpy(header.magic, format.magic.data(), sizeof header.magic);
  header.version = format.version;
  header.record_bytes = format.record_bytes;
  write(&header, sizeof header);
}

FormatWriter::~FormatWriter() = default;

void FormatWriter::write_through(const void* data, std::size_t bytes) {
  if (bytes == 0) return;
  if (persistent_) {
    persistent_->write({static_cast<const char*>(data), bytes});
    offset_ += bytes;
    return;
  }
  drain();
  if (bytes < kBufferBytes) {
    std::memcpy(buffer_.get(), data, bytes);
    buffered_ = bytes;
  } else {  // a write as large as the buffer goes straight to the file
    write_temporary(temporary_, data, bytes, path_);
  }
  offset_ += bytes;
}

void FormatWriter::drain() {
  write_temporary(temporary_, buffer_.get(), buffered_, path_);
  buffered_ = 0;
}

void FormatWriter::flush() {
  if (temporary_.fd() >= 0) drain();
}

void FormatWriter::finish() {
  Footer footer{};
  footer.records = records_;
  std::memcpy(footer.magic, kDoneMagic.data(), sizeof footer.magic);
  write(&footer, sizeof footer);
  if (persistent_) persistent_->commit();
  flush();
}

void FormatWriter::release_temporary() {
  if (temporary_.fd() >= 0) static_cast<void>(::ftruncate(temporary_.fd(), 0));
}

int FormatWriter::temporary_fd() const {
  if (temporary_.fd() < 0) throw WorkFileError(path_.string() + ": not a temporary file");
  return temporary_.fd();
}

FormatReader::FormatReader(std::filesystem::path path, int fd, bool owned)
    : path_(std::move(path)), fd_(fd), owned_(owned) {}

FormatReader::FormatReader(std::filesystem::path path, const FileFormat& format) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    throw WorkFileError(path_.string() + ": cannot open: " + std::strerror(error) +
                        (error == ENOENT ? " (did the stage that writes it run?)" : ""));
  }
  owned_ = true;
  check(format, std::nullopt);
}

FormatReader::FormatReader(const FormatWriter& finished, const FileFormat& format)
    : FormatReader(finished.path(), finished.temporary_fd(), false) {
  check(format, std::nullopt);
}

FormatReader FormatReader::unfinished(const FormatWriter& writer, const FileFormat& format) {
  FormatReader reader(writer.path(), writer.temporary_fd(), false);
  reader.check(format, writer.offset());
  return reader;
}

FormatReader::~FormatReader() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

FormatReader::FormatReader(FormatReader&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(other.fd_),
      owned_(other.owned_),
      end_(other.end_),
      records_(other.records_),
      position_(other.position_),
      buffer_(std::move(other.buffer_)),
      buffer_position_(other.buffer_position_) {
  other.fd_ = -1;
  other.owned_ = false;
}

void FormatReader::fail(std::string_view what) const { throw WorkFileError(path_.string() + ": " + std::string(what)); }

void FormatReader::check(const FileFormat& format, std::optional<std::uint64_t> unfinished_end) {
  std::uint64_t size = 0;
  if (unfinished_end) {
    size = *unfinished_end;
  } else {
    struct stat info {};
    if (::fstat(fd_, &info) != 0) fail(std::string("cannot read: ") + std::strerror(errno));
    size = static_cast<std::uint64_t>(info.st_size);
  }
  const std::uint64_t footer_bytes = unfinished_end ? 0 : kWorkFileFooterBytes;
  if (size < kWorkFileHeaderBytes + footer_bytes) fail("too short to be a newsdedup work file (truncated?)");
  end_ = size;  // lets read_at() reach the header and footer while they are checked
  Header header{};
  read_at(0, &header, sizeof header);
  if (std::string_view(header.magic, sizeof header.magic) != format.magic)
    fail("not a " + std::string(format.magic) + " file (wrong magic number)");
  if (header.version != format.version)
    fail("format version " + std::to_string(header.version) + ", this program reads version " +
         std::to_string(format.version) + " (written by another release?)");
  if (header.record_bytes != format.record_bytes) fail("unexpected record size in the header (corrupt?)");
  if (!unfinished_end) {
    Footer footer{};
    read_at(size - footer_bytes, &footer, sizeof footer);
    if (std::string_view(footer.magic, sizeof footer.magic) != kDoneMagic)
      fail("incomplete: no end marker (truncated, or the stage writing it did not finish)");
    records_ = footer.records;
  }
  end_ = size - footer_bytes;
  if (format.record_bytes > 0) {
    const std::uint64_t bytes = end_ - kWorkFileHeaderBytes;
    if (bytes % format.record_bytes != 0 || (!unfinished_end && bytes / format.record_bytes != records_))
      fail("record count does not match the file size (truncated or corrupt)");
    records_ = bytes / format.record_bytes;
  }
  position_ = kWorkFileHeaderBytes;
}

void FormatReader::read_at(std::uint64_t offset, void* into, std::size_t bytes) const {
  if (offset > end_ || bytes > end_ - offset) fail("a record runs past the end of the file (truncated or corrupt)");
  const ssize_t got = pread_fully(fd_, into, bytes, offset);
  if (got < 0) fail(std::string("cannot read: ") + std::strerror(errno));
  if (static_cast<std::size_t>(got) < bytes) fail("ended early (truncated?)");
}

bool FormatReader::read(void* into, std::size_t bytes) {
  if (bytes == 0) return true;
  if (at_end()) return false;
  auto* out = static_cast<char*>(into);
  while (bytes > 0) {
    if (buffer_position_ == buffer_.size()) {
      if (position_ == end_) fail("a record runs past the end of the file (truncated or corrupt)");
      buffer_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kReadBuffer, end_ - position_)));
      read_at(position_, buffer_.data(), buffer_.size());
      position_ += buffer_.size();
      buffer_position_ = 0;
    }
    const std::size_t take = std::min(bytes, buffer_.size() - buffer_position_);
    std::memcpy(out, buffer_.data() + buffer_position_, take);
    buffer_position_ += take;
    out += take;
    bytes -= take;
  }
  return true;
}

}  // namespace newsdedup
