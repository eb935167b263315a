// Fuzz target: any bytes as a .txt file, read by DocumentReader and taken through the whole
// per-document pipeline (normalise, clean, shingle, sketch): exactly one document comes out,
// and every record written for it (corpus, audit, clean output) is valid JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clean/cleaner.h"
#include "fuzz_support.h"
#include "pipeline/json_writer.h"
#include "pipeline/processed_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdedup;
  const std::string_view bytes = fuzz::as_text(data, size);
  const auto file = fuzz::scratch().write("input.txt", bytes);
  Diagnostics diagnostics;
  std::vector<Document> documents = fuzz::read_and_check({file.string()}, diagnostics);
  FUZZ_CHECK(documents.size() == 1);
  FUZZ_CHECK(documents[0].id == "input");
  FUZZ_CHECK(documents[0].valid() == (bytes.find('\0') == std::string_view::npos));
  static const Cleaner cleaner;
  const ProcessedDocument processed = process_document(std::move(documents[0]), cleaner, /*sketch=*/true);
  std::string corpus_head;
  std::string corpus_tail;
  corpus_record_parts(processed, corpus_head, corpus_tail);  // the write stage escapes the text between
  fuzz::check_valid_json(corpus_head + json_string(processed.cleaned.body) + corpus_tail);
  fuzz::check_valid_json(fuzz::as_object(audit_details(processed)));
  fuzz::check_valid_json(clean_record(processed));
  return 0;
}
