// Shared by the fuzz targets in fuzz/ (one target per *_fuzzer.cpp): a scratch folder where a
// fuzz input is written as an input file, reading it back through DocumentReader, and the
// invariants every reader result must satisfy. FUZZ_CHECK aborts with a message on stderr,
// which both libFuzzer and the replay test (replay_main.cpp) report as a failure.
// Header-only; not thread-safe (a fuzz target runs one input at a time).
#pragma once

#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "io/diagnostics.h"
#include "io/document_reader.h"
#include "text/utf8.h"

#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace newsdedup::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A folder for this process's input files, in memory where /dev/shm allows; removed at exit.
class ScratchFolder {
 public:
  ScratchFolder() {
    const std::filesystem::path base = ::access("/dev/shm", W_OK) == 0 ? std::filesystem::path("/dev/shm")
                                                                       : std::filesystem::temp_directory_path();
    path_ = base / ("newsdedup-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  // Writes `bytes` to `name` in the folder and returns the file's path.
  std::filesystem::path write(const std::string& name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    FUZZ_CHECK(out.good());
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline const ScratchFolder& scratch() {
  static const ScratchFolder folder;
  return folder;
}

inline void check_valid_json(std::string_view json) {
  static simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::dom::element ignored;
  FUZZ_CHECK(parser.parse(padded).get(ignored) == simdjson::SUCCESS);
}

// "{" members "}", built by appending: GCC 12 reports a false -Wrestrict for "{" + s + "}".
inline std::string as_object(std::string_view members) {
  std::string object = "{";
  object.append(members);
  object += '}';
  return object;
}

// Every document in `inputs`, checked: numbered 0, 1, 2, ... in order; unique, non-empty,
// valid UTF-8 ids; valid UTF-8 text; other fields that form valid JSON; and the whole input
// consumed.
inline std::vector<Document> read_and_check(const std::vector<std::string>& inputs, Diagnostics& diagnostics) {
  diagnostics.set_quiet(true);
  DocumentReader reader(inputs, {}, diagnostics);
  std::vector<Document> documents;
  std::set<std::string> ids;
  while (auto document = reader.next()) {
    FUZZ_CHECK(document->ordinal == documents.size());
    FUZZ_CHECK(!document->id.empty());
    FUZZ_CHECK(is_valid_utf8(document->id));
    FUZZ_CHECK(ids.insert(document->id).second);
    FUZZ_CHECK(document->original_id.empty() || (document->id.starts_with(document->original_id) &&
                                                  document->id[document->original_id.size()] == '#'));
    FUZZ_CHECK(is_valid_utf8(document->text));
    if (document->valid()) {
      check_valid_json(as_object(document->extra_fields_json));
    } else {
      FUZZ_CHECK(document->text.empty());
    }
    documents.push_back(std::move(*document));
  }
  FUZZ_CHECK(reader.bytes_consumed() == reader.total_input_bytes());
  return documents;
}

// The same documents, as far as their content goes (ids, text, fields, problems).
inline bool same_content(const std::vector<Document>& a, const std::vector<Document>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || a[i].extra_fields_json != b[i].extra_fields_json || a[i].problem != b[i].problem ||
        a[i].repaired_utf8 != b[i].repaired_utf8)
      return false;
  }
  return true;
}

}  // namespace newsdedup::fuzz
