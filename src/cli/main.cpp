// newsdedup command line: parses arguments, runs one job, prints a summary.
// Exit status: 0 success, 1 failure (a message names the file at fault; with --strict, also
// any skipped input), 2 usage error.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <exception>

#include "pipeline/explain_job.h"
#include "io/diagnostics.h"
#include "pipeline/run_job.h"

namespace {

using namespace newsdedup;

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr const char* kQualityHelp =
    "Also apply the C4, Gopher and FineWeb quality rules: drop failing lines, empty failing documents (see README)";

void add_input_options(CLI::App& command, std::vector<std::string>& inputs, InputOptions& input, std::size_t& threads,
                       bool& force, bool& strict) {
  command.add_option("inputs", inputs, "Files or folders: *.txt, *.jsonl, *.jsonl.gz, *.jsonl.zst (folders recursively)")
      ->required();
  command.add_option("--id-field", input.id_field, "JSONL field holding the document id")->capture_default_str();
  command.add_option("--text-field", input.text_field, "JSONL field holding the article text")->capture_default_str();
  command.add_option("--threads", threads, "Worker threads (default: all cores; output does not depend on it)")
      ->check(CLI::Range(1, 1024));
  command.add_flag("--force", force, "Overwrite existing outputs");
  command.add_flag("--strict", strict,
                   "Fail (exit 1) when any input was skipped: a bad line, an unreadable or damaged file, a file of "
                   "another kind; the outputs are still written");
}

// --strict: the outputs are written, but the command fails when input was skipped. Returns the
// exit status.
int strict_status(bool strict, const Diagnostics& diagnostics, const std::string& outputs) {
  const std::uint64_t skipped = diagnostics.skipped();
  if (!strict || skipped == 0) return 0;
  fmt::print(stderr,
             "newsdedup: --strict: failed: {} input{} skipped (see the messages above); the outputs in {} "
             "were written without {}\n",
             skipped, skipped == 1 ? " was" : "s were", outputs, skipped == 1 ? "it" : "them");
  return kExitFailure;
}

void print_run_summary(const RunSummary& s, const std::string& where) {
  fmt::print("newsdedup: {} documents, {:.1f} MB in {:.2f} s ({:.1f} MB/s)\n", s.documents,
             static_cast<double>(s.input_bytes) / 1e6, s.total_seconds, s.megabytes_per_second());
  fmt::print("  kept {}, duplicate {}, exact_duplicate {}, empty {}, invalid {}; {} clusters\n", s.kept, s.duplicate,
             s.exact_duplicate, s.empty, s.invalid, s.clusters);
  std::uint64_t removed = 0;
  for (std::uint64_t n : s.lines_removed) removed += n;
  fmt::print("  {} furniture or repeated lines removed; outputs in {}\n", removed, where);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsdedup: clean and de-duplicate a crawl of news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "newsdedup 0.1.0");

  RunOptions run;
  std::string run_out;
  CLI::App* run_command = app.add_subcommand("run", "Clean, de-duplicate and write corpus.jsonl, audit.jsonl, report.json");
  add_input_options(*run_command, run.inputs, run.input, run.threads, run.force, run.strict);
  run_command->add_option("-o,--output", run_out, "Output folder")->required();
  run_command
      ->add_option("--threshold", run.rule.threshold,
                   "Jaccard similarity of word 5-gram shingles at which two copies are duplicates")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  run_command
      ->add_option("--containment", run.rule.min_containment,
                   "Share of the shorter copy's shingles found in the longer one at which a truncated copy is a duplicate")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  run_command
      ->add_option("--cross-corpus", run.boilerplate_stories,
                   "Remove paragraphs that recur in the clusters of at least N different stories (site furniture "
                   "the rules miss); 0 = off")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 30) | CLI::IsMember({std::size_t{0}}))
      ->capture_default_str();
  run_command
      ->add_option("--memory", run.memory_bytes,
                   "Memory for sorting band keys (e.g. 512M, 2G); beyond it they spill to sorted runs on disk")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(std::uint64_t{1} << 20, std::uint64_t{1} << 50))
      ->default_str("1G");
  run_command->add_flag("--quality", run.quality, kQualityHelp);

  CleanOptions clean;
  std::string clean_out;
  CLI::App* clean_command = app.add_subcommand("clean", "Clean every document; one output line per input document");
  add_input_options(*clean_command, clean.inputs, clean.input, clean.threads, clean.force, clean.strict);
  clean_command->add_option("-o,--output", clean_out, "Output JSONL file")->required();
  clean_command->add_flag("--keep-boilerplate", clean.keep_boilerplate, "Report furniture lines without removing them");
  clean_command->add_flag("--quality", clean.quality, kQualityHelp);

  ExplainOptions explain;
  CLI::App* explain_command = app.add_subcommand("explain", "Show why one document of a finished run was kept or removed");
  explain_command->add_option("id", explain.id, "Document id")->required();
  explain_command->add_option("--run", explain.run_dir, "Output folder of the run")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  Diagnostics diagnostics;
  try {
    if (*run_command) {
      run.out_dir = run_out;
      print_run_summary(run_job(run, diagnostics), run_out);
      return strict_status(run.strict, diagnostics, run_out);
    } else if (*clean_command) {
      clean.output = clean_out;
      const RunSummary s = clean_job(clean, diagnostics);
      fmt::print("newsdedup: cleaned {} documents ({:.1f} MB) in {:.2f} s into {}\n", s.documents,
                 static_cast<double>(s.input_bytes) / 1e6, s.total_seconds, clean_out);
      return strict_status(clean.strict, diagnostics, clean_out);
    } else if (*explain_command) {
      return explain_document(explain) ? 0 : kExitFailure;
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "newsdedup: {}\n", e.what());
    return kExitFailure;
  }
  return 0;
}
