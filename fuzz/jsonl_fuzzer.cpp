// Fuzz target: any bytes as a JSONL file, read by DocumentReader (LineReader, JsonLineParser,
// IdRegistry). Every non-blank line must become exactly one document, every document must pass
// read_and_check(), and every unusable line must be reported.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

namespace {

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::size_t non_blank_lines(std::string_view text) {
  std::size_t count = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!is_blank(line)) ++count;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdedup;
  const std::string_view bytes = fuzz::as_text(data, size);
  const auto file = fuzz::scratch().write("input.jsonl", bytes);
  Diagnostics diagnostics;
  const std::vector<Document> documents = fuzz::read_and_check({file.string()}, diagnostics);
  FUZZ_CHECK(documents.size() == non_blank_lines(bytes));
  std::size_t invalid = 0;
  for (const Document& document : documents) invalid += document.valid() ? 0 : 1;
  FUZZ_CHECK(diagnostics.skipped() == invalid);
  return 0;
}
