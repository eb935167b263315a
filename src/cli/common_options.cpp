#include "cli/common_options.h"

#include <fmt/core.h>

#include <cstdio>

namespace newsdedup::cli {
void add_input_options(CLI::App& command, std::vector<std::string>& inputs, InputOptions& input, std::size_t& threads,
                       bool& force, bool& strict) {
  command.add_option("inputs", inputs, "Files or folders: *.txt, *.jsonl, *.jsonl.gz, *.jsonl.zst (folders recursively)")
      ->required();
  command.add_option("--id-field", input.id_field, "JSONL field holding the document id")->capture_default_str();
  command.add_option("--text-field", input.text_field, "JSONL field holding the article text")->capture_default_str();
  command
      .add_option("--max-document", input.max_document_bytes,
                  "Largest document read (a JSONL line or a .txt file), e.g. 64M: a larger one is reported and "
                  "audited as invalid, not read (cleaning one takes about 25 times its size in memory)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 50))
      ->default_str("16M");
  command.add_option("--threads", threads, "Worker threads (default: all cores; output does not depend on it)")
      ->check(CLI::Range(1, 1024));
  command.add_flag("--force", force, "Overwrite existing outputs");
  command.add_flag("--strict", strict,
                   "Fail (exit 1) when any input was skipped: a bad line, an unreadable or damaged file, a file of "
                   "another kind; the outputs are still written");
}

void add_rule_options(CLI::App& command, DuplicateRule& rule) {
  command
      .add_option("--threshold", rule.threshold,
                  "Jaccard similarity of word 5-gram shingles at which two copies are duplicates")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  command
      .add_option("--containment", rule.min_containment,
                  "Share of the shorter copy's shingles found in the longer one at which a truncated copy is a duplicate")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
}

void add_memory_option(CLI::App& command, std::uint64_t& memory_bytes) {
  command
      .add_option("--memory", memory_bytes,
                  "Memory for sorting keys and candidate pairs (e.g. 512M, 2G); beyond it they spill to sorted runs "
                  "on disk")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uint64_t{1} << 20, std::uint64_t{1} << 50))
      ->default_str("1G");
}

int strict_status(bool strict, const Diagnostics& diagnostics, const std::string& outputs) {
  const std::uint64_t skipped = diagnostics.skipped();
  if (!strict || skipped == 0) return 0;
  fmt::print(stderr,
             "newsdedup: --strict: failed: {} input{} skipped (see the messages above); the outputs in {} "
             "were written without {}\n",
             skipped, skipped == 1 ? " was" : "s were", outputs, skipped == 1 ? "it" : "them");
  return kExitFailure;
}

}  // namespace newsdedup::cli
