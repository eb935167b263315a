#include "io/document_reader.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "io/byte_source.h"
#include "io/json_line_parser.h"
#include "io/line_reader.h"
#include "text/utf8.h"

namespace newsdedup {

namespace fs = std::filesystem;

namespace {

enum class InputKind { other, txt, jsonl, jsonl_gz, jsonl_zst };

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kSkipMessage = "not a .txt/.jsonl/.jsonl.gz/.jsonl.zst file";

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

void report_utf8_repairs(Diagnostics& diagnostics, const Document& doc) {
  if (doc.repaired_utf8 == 0) return;
  diagnostics.warn("invalid_utf8", doc.source,
                   fmt::format("{} invalid UTF-8 sequences replaced by U+FFFD", doc.repaired_utf8));
}

}  // namespace

bool is_readable_input_name(const fs::path& path) { return kind_of(path) != InputKind::other; }

// One open input file: yields its documents, then reports how reading it ended.
class DocumentReader::FileCursor {
 public:
  FileCursor(const fs::path& path, const InputOptions& options, Diagnostics& diagnostics)
      : name_(path.string()), kind_(kind_of(path)), diagnostics_(diagnostics) {
    const Compression compression = kind_ == InputKind::jsonl_gz    ? Compression::gzip
                                    : kind_ == InputKind::jsonl_zst ? Compression::zstd
                                                                    : Compression::none;
    source_ = ByteSource::open(path, compression);  // throws when the file cannot be opened
    if (kind_ != InputKind::txt) {
      lines_.emplace(*source_);
      parser_ = std::make_unique<JsonLineParser>(options);
    }
  }

  std::optional<Document> next() {
    if (done_) return std::nullopt;
    if (kind_ == InputKind::txt) {
      done_ = true;
      return read_txt();
    }
    while (auto line = lines_->next()) {
      if (is_blank(*line)) continue;
      Document doc;
      doc.source = fmt::format("{}:{}", name_, lines_->line_number());
      doc.input_bytes = lines_->line_bytes();
      if (lines_->line_number() == 1 && line->starts_with(kBom)) line->remove_prefix(kBom.size());
      const std::string_view problem_kind = parser_->parse(*line, doc);
      if (doc.id.empty()) doc.id = doc.source;
      report_utf8_repairs(diagnostics_, doc);
      if (!problem_kind.empty()) diagnostics_.warn(problem_kind, doc.source, doc.problem);
      return doc;
    }
    done_ = true;
    report_failure(fmt::format("{}:{}", name_, lines_->line_number() + 1));
    return std::nullopt;
  }

  std::uint64_t consumed() const { return source_->consumed(); }

 private:
  // A .txt file is one document, so it is read whole.
  std::optional<Document> read_txt() {
    std::string data;
    for (;;) {
      const std::size_t size = data.size();
      data.resize(size + (1 << 20));
      const std::size_t n = source_->read(data.data() + size, data.size() - size);
      data.resize(size + n);
      if (n == 0) break;
    }
    if (report_failure(name_)) return std::nullopt;

    Document doc;
    const std::string filename = fs::path(name_).filename().string();
    doc.id = filename.substr(0, filename.size() - 4);  // drop ".txt"
    doc.source = name_;
    doc.input_bytes = data.size();
    if (data.find('\0') != std::string::npos) {
      doc.problem = "binary file";
      diagnostics_.warn("binary_file", name_, "binary file (contains NUL bytes); not read");
      return doc;
    }
    if (std::string_view(data).starts_with(kBom)) data.erase(0, kBom.size());
    doc.repaired_utf8 = static_cast<std::uint32_t>(repair_utf8(data));
    doc.text = std::move(data);
    report_utf8_repairs(diagnostics_, doc);
    return doc;
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
  Diagnostics& diagnostics_;
  std::unique_ptr<ByteSource> source_;
  std::optional<LineReader> lines_;
  std::unique_ptr<JsonLineParser> parser_;
  bool done_ = false;
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, InputOptions options,
                               Diagnostics& diagnostics)
    : options_(std::move(options)), diagnostics_(diagnostics) {
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
    // Directory listing order depends on the file system; sort for reproducible runs.
    std::vector<fs::path> found, skipped;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_error;
      if (it->is_directory(type_error)) continue;
      const bool regular = it->is_regular_file(type_error);
      (regular && is_readable_input_name(it->path()) ? found : skipped).push_back(it->path());
    }
    if (ec) diagnostics_.warn("unreadable_file", input, ec.message());
    std::sort(found.begin(), found.end());
    std::sort(skipped.begin(), skipped.end());
    for (const fs::path& p : skipped) diagnostics_.warn("skipped_file", p.string(), kSkipMessage);
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
  for (;;) {
    if (!cursor_ && !open_next_file()) return std::nullopt;
    if (std::optional<Document> doc = cursor_->next()) {
      doc->ordinal = next_ordinal_++;
      return doc;
    }
    finished_bytes_ += file_sizes_[next_file_ - 1];
    cursor_.reset();
  }
}

std::uint64_t DocumentReader::bytes_consumed() const {
  if (!cursor_) return finished_bytes_;
  return finished_bytes_ + std::min(cursor_->consumed(), file_sizes_[next_file_ - 1]);
}

bool DocumentReader::open_next_file() {
  while (next_file_ < files_.size()) {
    const fs::path& path = files_[next_file_++];
    try {
      cursor_ = std::make_unique<FileCursor>(path, options_, diagnostics_);
      return true;
    } catch (const std::system_error& e) {
      diagnostics_.warn("unreadable_file", path.string(), e.code().message());
      finished_bytes_ += file_sizes_[next_file_ - 1];
    }
  }
  return false;
}

}  // namespace newsdedup
