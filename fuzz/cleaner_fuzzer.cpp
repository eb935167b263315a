// Fuzz target: the Cleaner (and the normalisation and shingling around it) on any text.
// Checks: normalised text is valid UTF-8 and normalising it again changes nothing; every
// removed line is reported once, in order, with its exact text; title and body are valid
// UTF-8; --keep-boilerplate makes the same decisions; shingles are sorted and distinct, and
// there are none without words; the tokenizers' fast paths find what their general paths find
// (the shingle tokenizer's words, and each line's shape words against the line described with
// a letter beyond ASCII after it, which takes the general path).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "clean/cleaner.h"
#include "clean/line_shape.h"
#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "fuzz_support.h"
#include "text/normalize.h"
#include "text/word_tokens.h"

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

  std::vector<std::uint64_t> fast_words;
  append_word_hashes(normalized, fast_words);
  std::vector<std::uint64_t> general_words;
  for (const WordSpan& span : word_spans(normalized)) general_words.push_back(span.hash);
  FUZZ_CHECK(fast_words == general_words);
  for (std::string_view line : lines) {
    const LineShape fast = describe(line);
    const LineShape general = describe(std::string(line) + " \u00E9");
    FUZZ_CHECK(general.word_count() == fast.word_count() + 1);
    FUZZ_CHECK(std::equal(fast.words.begin(), fast.words.end(), general.words.begin()));
    FUZZ_CHECK(std::equal(fast.word_hashes.begin(), fast.word_hashes.end(), general.word_hashes.begin()));
  }

  const ShingleSet shingles = shingle_body(cleaned.body);
  FUZZ_CHECK(std::adjacent_find(shingles.hashes.begin(), shingles.hashes.end(),
                                [](std::uint64_t a, std::uint64_t b) { return a >= b; }) == shingles.hashes.end());
  // No words, no shingles; words but no shingles happens too: a body that is only a dateline.
  FUZZ_CHECK(shingles.word_count > 0 || shingles.hashes.empty());
  minhash_signature(shingles.hashes);
  return 0;
}
