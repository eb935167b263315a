#include "io/document_reader.h"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "io/buffer_reuse.h"
#include "io/byte_source.h"
#include "io/id_registry.h"
#include "io/json_line_parser.h"
#include "io/line_reader.h"
#include "text/utf8.h"

namespace newsdedup {

namespace fs = std::filesystem;

namespace {

enum class InputKind { other, txt, jsonl, jsonl_gz, jsonl_zst };

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kLineChunk = 1 << 20;
constexpr std::size_t kMinChunk = 4096;
constexpr std::string_view kSkipMessage = "not a .txt/.jsonl/.jsonl.gz/.jsonl.zst file";
// Inside a folder only regular files are read (a pipe or socket there could block a run
// forever); name a pipe on the command line to read it.
constexpr std::string_view kNotAFileMessage = "not a regular file (a pipe, socket, device or broken link); skipped";
constexpr std::string_view kFolderLinkMessage = "link to a folder; not followed";

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  if (s.size() <= suffix.size()) return false;  // a bare ".txt" has no name
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<long>(suffix.size()),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); });
}

InputKind kind_of(const fs::path& path) {
  const std::string name = path.filename().string();
  if (ends_with_nocase(name, ".txt")) return InputKind::txt;
  if (ends_with_nocase(name, ".jsonl")) return InputKind::jsonl;
  if (ends_with_nocase(name, ".jsonl.gz")) return InputKind::jsonl_gz;
  if (ends_with_nocase(name, ".jsonl.zst")) return InputKind::jsonl_zst;
  return InputKind::other;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// An id as quoted in a message: at most 120 bytes, cut at a character boundary.
std::string quoted_id(std::string_view id) {
  constexpr std::size_t kMax = 120;
  if (id.size() <= kMax) return fmt::format("\"{}\"", id);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("\"{}...\" ({} bytes)", id.substr(0, cut), id.size());
}

// Appends "FILE:LINE", as fmt's "{}:{}" would, without parsing a format string per document.
void append_location(std::string& out, std::string_view file, std::uint64_t line) {
  char digits[20];
  const char* const end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  out.append(file).append(1, ':').append(digits, static_cast<std::size_t>(end - digits));
}

void report_utf8_repairs(Diagnostics& diagnostics, const Document& doc) {
  if (doc.repaired_utf8 == 0) return;
  diagnostics.warn("invalid_utf8", doc.source,
                   fmt::format("{} invalid UTF-8 sequences replaced by U+FFFD", doc.repaired_utf8));
}

// Every readable file under `root`, recursively, sorted (listing order depends on the file
// system; sorting makes runs reproducible). Everything else is reported, never silently
// dropped: files of other kinds, pipes and sockets, links to folders (not followed, so that a
// link cannot make a loop) and folders that cannot be listed.
// Whether `entry` is one of `excluded` (compared by file name first, so that the common case
// costs no system call).
bool is_excluded(const fs::path& entry, const std::vector<fs::path>& excluded) {
  for (const fs::path& path : excluded) {
    if (entry.filename() != path.filename()) continue;
    std::error_code ec;
    if (fs::equivalent(entry, path, ec)) return true;
  }
  return false;
}

std::vector<fs::path> list_folder(const fs::path& root, const std::vector<fs::path>& excluded,
                                  Diagnostics& diagnostics) {
  std::vector<fs::path> found;
  std::vector<std::pair<fs::path, std::string_view>> skipped;  // path, why
  std::vector<fs::path> folders = {root};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code type_error;
      const fs::file_status status = it->status(type_error);
      if (!excluded.empty() && is_excluded(it->path(), excluded)) continue;
      if (fs::is_directory(status)) {
        if (it->is_symlink(type_error)) {
          skipped.emplace_back(it->path(), kFolderLinkMessage);
        } else {
          folders.push_back(it->path());
        }
      } else if (!fs::is_regular_file(status)) {
        skipped.emplace_back(it->path(), kNotAFileMessage);
      } else if (is_readable_input_name(it->path())) {
        found.push_back(it->path());
      } else {
        skipped.emplace_back(it->path(), kSkipMessage);
      }
    }
    if (ec) diagnostics.warn("unreadable_file", folder.string(), "cannot list folder: " + ec.message());
  }
  std::sort(found.begin(), found.end());
  std::sort(skipped.begin(), skipped.end());
  for (const auto& [path, why] : skipped) diagnostics.warn("skipped_file", path.string(), why);
  return found;
}

}  // namespace

bool is_readable_input_name(const fs::path& path) { return kind_of(path) != InputKind::other; }

// One open input file: yields its documents, then reports how reading it ended.
class DocumentReader::FileCursor {
 public:
  // `expected_size`: the file's size when it was listed (0 if unknown), to size buffers.
  FileCursor(const fs::path& path, std::uint64_t expected_size, const InputOptions& options,
             Diagnostics& diagnostics)
      : name_(path.string()),
        kind_(kind_of(path)),
        expected_size_(expected_size),
        max_document_bytes_(static_cast<std::size_t>(std::min<std::uint64_t>(options.max_document_bytes, SIZE_MAX))),
        diagnostics_(diagnostics) {
    const Compression compression = kind_ == InputKind::jsonl_gz    ? Compression::gzip
                                    : kind_ == InputKind::jsonl_zst ? Compression::zstd
                                                                    : Compression::none;
    source_ = ByteSource::open(path, compression);  // throws when the file cannot be opened
    if (kind_ != InputKind::txt) {
      // A small file needs no 1 MiB buffer: a folder of many small files stays fast. Size 0
      // means unknown (a named pipe) as well as empty.
      const bool small = compression == Compression::none && expected_size > 0;
      lines_.emplace(*source_, small ? std::clamp<std::size_t>(expected_size + 1, kMinChunk, kLineChunk) : kLineChunk,
                     max_document_bytes_);
      parser_ = std::make_unique<JsonLineParser>(options);
    }
  }

  // Sets every field of `doc` but the ordinal, reusing its strings' buffers; false when the
  // file has no more documents.
  bool next(Document& doc) {
    if (done_) return false;
    if (kind_ == InputKind::txt) {
      done_ = true;
      return read_txt(doc);
    }
    while (auto line = lines_->next()) {
      if (is_blank(*line) && !lines_->line_too_long()) continue;
      ++documents_;
      clear_fields(doc);
      append_location(doc.source, name_, lines_->line_number());
      doc.input_bytes = lines_->line_bytes();
      if (lines_->line_too_long()) {
        doc.id = doc.source;
        report_too_large(doc);
        return true;
      }
      if (lines_->line_number() == 1 && line->starts_with(kBom)) line->remove_prefix(kBom.size());
      const std::string_view problem_kind = parser_->parse(*line, doc);
      if (doc.id.empty()) doc.id = doc.source;
      report_utf8_repairs(diagnostics_, doc);
      if (!problem_kind.empty()) diagnostics_.warn(problem_kind, doc.source, doc.problem);
      return true;
    }
    done_ = true;
    if (!report_failure(fmt::format("{}:{}", name_, lines_->line_number() + 1)) && documents_ == 0) {
      diagnostics_.warn("empty_file", name_,
                        lines_->line_number() == 0 ? "empty file; no documents" : "only blank lines; no documents");
    }
    return false;
  }

  std::uint64_t consumed() const { return source_->consumed(); }

 private:
  // Empties every field a document read before left; their buffers stay, to be reused, but
  // for what a document far larger than most needed.
  static void clear_fields(Document& doc) {
    doc.ordinal = 0;
    clear_all_for_reuse(kKeptBufferBytes, doc.id, doc.original_id, doc.text, doc.title, doc.extra_fields_json,
                        doc.source, doc.problem);
    doc.input_bytes = 0;
    doc.repaired_utf8 = 0;
  }

  // A .txt file is one document, so it is read whole.
  bool read_txt(Document& doc) {
    std::string data;
    // Sized from the listing (one byte more, to see the end in one read), growing if the file
    // has grown since: a fixed large buffer would make each of many small files cost a
    // page-faulting allocation.
    std::size_t capacity = static_cast<std::size_t>(
        std::max<std::uint64_t>(std::min<std::uint64_t>(expected_size_, max_document_bytes_) + 1, kMinChunk));
    for (;;) {
      const std::size_t size = data.size();
      if (size > max_document_bytes_) break;
      if (size == capacity) capacity *= 2;
      data.resize(capacity);
      const std::size_t n = source_->read(data.data() + size, capacity - size);
      data.resize(size + n);
      if (n == 0) break;
    }
    if (report_failure(name_)) return false;

    clear_fields(doc);
    const std::string filename = fs::path(name_).filename().string();
    doc.id = filename.substr(0, filename.size() - 4);  // drop ".txt"
    doc.source = name_;
    doc.input_bytes = data.size();
    if (data.size() > max_document_bytes_) {
      doc.input_bytes = std::max<std::uint64_t>(data.size(), expected_size_);
      report_too_large(doc);
      return true;
    }
    if (data.empty()) diagnostics_.warn("empty_file", name_, "empty file; an empty document");
    if (data.find('\0') != std::string::npos) {
      doc.problem = "binary file";
      diagnostics_.warn("binary_file", name_, "binary file (contains NUL bytes); not read");
      return true;
    }
    if (std::string_view(data).starts_with(kBom)) data.erase(0, kBom.size());
    doc.repaired_utf8 = static_cast<std::uint32_t>(repair_utf8(data));
    doc.text = std::move(data);
    report_utf8_repairs(diagnostics_, doc);
    return true;
  }

  // Marks `doc`, of input_bytes over the limit and not read, as a problem, and reports it.
  void report_too_large(Document& doc) {
    doc.problem = fmt::format("document of {} bytes, over the limit of {} (--max-document); not read", doc.input_bytes,
                              max_document_bytes_);
    diagnostics_.warn("document_too_large", doc.source, doc.problem);
  }

  // Reports why reading stopped early, if it did; returns whether it did.
  bool report_failure(const std::string& location) {
    if (source_->error().empty()) return false;
    if (source_->corrupt()) {
      diagnostics_.warn("corrupt_compressed", location,
                        source_->error() + "; rest of the file skipped");
    } else {
      diagnostics_.warn("unreadable_file", name_, source_->error());
    }
    return true;
  }

  std::string name_;
  InputKind kind_;
  std::uint64_t expected_size_;
  std::size_t max_document_bytes_;
  Diagnostics& diagnostics_;
  std::unique_ptr<ByteSource> source_;
  std::optional<LineReader> lines_;
  std::unique_ptr<JsonLineParser> parser_;
  std::uint64_t documents_ = 0;
  bool done_ = false;
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputOptions options,
                               Diagnostics& diagnostics)
    : options_(std::move(options)), diagnostics_(diagnostics), ids_(std::make_unique<IdRegistry>()) {
  for (const std::string& input : inputs) {
    const fs::path path(input);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found) {
      throw std::runtime_error(input + ": no such file or directory");
    }
    if (ec) {
      diagnostics_.warn("unreadable_file", input, ec.message());
      continue;
    }
    if (!fs::is_directory(status)) {
      if (is_readable_input_name(path)) {
        files_.push_back(path);
      } else {
        diagnostics_.warn("skipped_file", input, kSkipMessage);
      }
      continue;
    }
    std::vector<fs::path> found = list_folder(path, options_.excluded, diagnostics_);
    files_.insert(files_.end(), found.begin(), found.end());
  }
  for (const fs::path& file : files_) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    file_sizes_.push_back(ec ? 0 : size);
    total_bytes_ += file_sizes_.back();
  }
}

DocumentReader::~DocumentReader() = default;

std::optional<Document> DocumentReader::next() {
  Document doc;
  if (!next(doc)) return std::nullopt;
  return doc;
}

bool DocumentReader::next(Document& doc) {
  for (;;) {
    if (!cursor_ && !open_next_file()) return false;
    if (cursor_->next(doc)) {
      doc.ordinal = next_ordinal_++;
      make_id_unique(doc);
      return true;
    }
    finished_bytes_ += file_sizes_[next_file_ - 1];
    cursor_.reset();
  }
}

void DocumentReader::make_id_unique(Document& doc) {
  std::optional<IdRegistry::Renamed> renamed = ids_->claim(doc.id, doc.source);
  if (!renamed) return;
  diagnostics_.warn("duplicate_id", doc.source,
                    fmt::format("duplicate id {} (first at {}); kept as {}", quoted_id(doc.id),
                                renamed->first_source, quoted_id(renamed->id)));
  doc.original_id = std::move(doc.id);
  doc.id = std::move(renamed->id);
}

std::uint64_t DocumentReader::bytes_consumed() const {
  if (!cursor_) return finished_bytes_;
  return finished_bytes_ + std::min(cursor_->consumed(), file_sizes_[next_file_ - 1]);
}

bool DocumentReader::open_next_file() {
  while (next_file_ < files_.size()) {
    const fs::path& path = files_[next_file_++];
    try {
      cursor_ = std::make_unique<FileCursor>(path, file_sizes_[next_file_ - 1], options_, diagnostics_);
      return true;
    } catch (const std::system_error& e) {
      diagnostics_.warn("unreadable_file", path.string(), e.code().message());
      finished_bytes_ += file_sizes_[next_file_ - 1];
    }
  }
  return false;
}

}  // namespace newsdedup
