// newsdedup command line: parses arguments, runs one job, prints a summary.
// Exit status: 0 success, 1 failure (a message names the file at fault; with --strict, also
// any skipped input), 2 usage error.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <exception>

#include "cli/common_options.h"
#include "cli/stage_commands.h"
#include "io/diagnostics.h"
#include "pipeline/explain_job.h"
#include "pipeline/run_job.h"

namespace {

using namespace newsdedup;
using namespace newsdedup::cli;

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
  add_rule_options(*run_command, run.rule);
  run_command
      ->add_option("--cross-corpus", run.boilerplate_stories,
                   "Remove paragraphs that recur in the clusters of at least N different stories (site furniture "
                   "the rules miss); 0 = off")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 30) | CLI::IsMember({std::size_t{0}}))
      ->capture_default_str();
  add_memory_option(*run_command, run.memory_bytes);
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

  StageCommands stages(app);

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
    } else {
      return stages.run(diagnostics);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "newsdedup: {}\n", e.what());
    return kExitFailure;
  }
  return 0;
}
