// Document: one input article as read, before cleaning.
//
// A Document owns its id, its raw text and the input's other JSON fields (kept as raw JSON
// members, e.g. `"url":"https://…","site":"x.com"`, so that they are written back untouched).
// `ordinal` is the document's position in the whole input (0-based, across all files); every
// later stage orders its output by it, which is what makes results independent of threading.
// A Document that could not be read (a line that is not JSON, no text field, ...) still exists,
// with `problem` set, so that it is counted and appears in the audit. Ids are unique: a
// document whose id was already taken gets a new one and keeps the one it came with in
// `original_id`.
// Plain value type; not shared between threads while being modified.
#pragma once

#include <cstdint>
#include <string>

namespace newsdedup {

struct Document {
  std::uint64_t ordinal = 0;
  std::string id;
  std::string original_id;  // the id as read, when `id` had to be renamed; else empty
  std::string text;
  std::string title;              // the input's own "title" field (JSONL), when it has one
  std::string extra_fields_json;  // comma-separated raw JSON members, without braces; may be empty
  std::string source;             // "FILE" or "FILE:LINE", for messages and the audit
  std::uint64_t input_bytes = 0;  // bytes this document occupied in the input
  std::string problem;            // empty when the document was read correctly
  std::uint32_t repaired_utf8 = 0;  // invalid UTF-8 sequences replaced by U+FFFD

  bool valid() const { return problem.empty(); }
};

}  // namespace newsdedup
