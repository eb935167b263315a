// Fuzz target: the Cleaner (and the normalisation and shingling around it) on any text.
// Checks: normalised text is valid UTF-8 and normalising it again changes nothing; every
// removed line is reported once, in order, with its exact text; title and body are valid
// UTF-8; --keep-boilerplate makes the same decisions; shingles are sorted and distinct, and
// there are none without words.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "fuzz_support.h"
#include "text/normalize.h"

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    const std::size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdedup;
  std::string text(fuzz::as_text(data, size));
  repair_utf8(text);
  const std::string normalized = normalize_text(text);
  FUZZ_CHECK(is_valid_utf8(normalized));
  FUZZ_CHECK(normalize_text(normalized) == normalized);

  static const Cleaner cleaner;
  static const Cleaner keeping(CleanerOptions{/*keep_boilerplate=*/true});
  const CleanedDocument cleaned = cleaner.clean(normalized);
  FUZZ_CHECK(is_valid_utf8(cleaned.title));
  FUZZ_CHECK(is_valid_utf8(cleaned.body));
  FUZZ_CHECK(cleaned.title.find('\n') == std::string::npos);
  const std::vector<std::string_view> lines = split_lines(normalized);
  std::uint32_t previous = 0;
  for (const RemovedLine& removed : cleaned.removed) {
    FUZZ_CHECK(removed.line >= previous && removed.line >= 1 && removed.line <= lines.size());
    // A whole line, or for repetition a long repeated span cut out of its line.
    const std::string_view line = lines[removed.line - 1];
    if (removed.reason == RemovalReason::kRepeated)
      FUZZ_CHECK(!removed.text.empty() && line.find(removed.text) != std::string_view::npos);
    else
      FUZZ_CHECK(removed.text == line);
    previous = removed.line;
  }

  const CleanedDocument kept = keeping.clean(normalized);
  FUZZ_CHECK(kept.title == cleaned.title);
  FUZZ_CHECK(kept.removed.size() == cleaned.removed.size());
  for (std::size_t i = 0; i < kept.removed.size(); ++i)
    FUZZ_CHECK(kept.removed[i].line == cleaned.removed[i].line && kept.removed[i].reason == cleaned.removed[i].reason);

  const ShingleSet shingles = shingle_body(cleaned.body);
  FUZZ_CHECK(std::adjacent_find(shingles.hashes.begin(), shingles.hashes.end(),
                                [](std::uint64_t a, std::uint64_t b) { return a >= b; }) == shingles.hashes.end());
  // No words, no shingles; words but no shingles happens too: a body that is only a dateline.
  FUZZ_CHECK(shingles.word_count > 0 || shingles.hashes.empty());
  minhash_signature(shingles.hashes);
  return 0;
}
