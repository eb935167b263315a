// JsonLineParser: turns one JSONL line into a Document's id, text and other fields.
//
// The line must be a JSON object. The id comes from InputOptions::id_field (a string, or a
// number kept as written; absent, empty or of another type leaves Document::id empty); the
// text from InputOptions::text_field (must be a string). Every other member is kept verbatim
// ("key":value, key as written with its quotes, value trimmed) in Document::extra_fields_json.
// The whole line is validated, including members that are only passed through, so what is
// written back out is always valid JSON. Invalid UTF-8 is repaired (U+FFFD) and counted.
// Owns its simdjson parsers, reused from line to line. Not thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "document/document.h"
#include "io/input_options.h"

namespace newsdedup {

class JsonLineParser {
 public:
  explicit JsonLineParser(InputOptions options);
  ~JsonLineParser();
  JsonLineParser(const JsonLineParser&) = delete;
  JsonLineParser& operator=(const JsonLineParser&) = delete;

  // Fills doc.id, doc.text, doc.extra_fields_json and doc.repaired_utf8. For an unusable line
  // it also sets doc.problem and returns the diagnostic kind ("invalid_json" or
  // "missing_text"); otherwise returns an empty view. `line` must be followed by
  // LineReader::kPadding readable bytes (it is parsed in place).
  std::string_view parse(std::string_view line, Document& doc);

 private:
  struct Impl;  // keeps simdjson.h out of this header
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdedup
