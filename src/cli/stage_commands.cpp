#include "cli/stage_commands.h"

#include <fmt/core.h>

#include "cli/common_options.h"

namespace newsdedup::cli {

StageCommands::StageCommands(CLI::App& app) {
  sketch_ = app.add_subcommand("sketch", "Stage 1 of run: read, clean and sketch INPUTS into the work folder");
  add_input_options(*sketch_, sketch_options_.inputs, sketch_options_.input, sketch_options_.threads,
                    sketch_options_.force, sketch_options_.strict);
  sketch_->add_option("-o,--output", work_, "Work folder")->required();
  add_memory_option(*sketch_, sketch_options_.memory_bytes);
  sketch_->add_flag("--quality", sketch_options_.quality, kQualityHelp);

  candidates_ = app.add_subcommand("candidates", "Stage 2 of run: candidate pairs from the work folder's band keys");
  cluster_ = app.add_subcommand("cluster", "Stage 3 of run: verify the candidate pairs and assign clusters");
  write_ = app.add_subcommand("write", "Stage 4 of run: write corpus.jsonl, audit.jsonl, report.json from the work folder");
  for (CLI::App* stage : {candidates_, cluster_, write_}) {
    stage->add_option("work", work_, "Work folder written by the stages before")->required();
    stage->add_flag("--force", stage_.force, "Overwrite existing outputs");
  }
  add_memory_option(*candidates_, stage_.memory_bytes);
  add_rule_options(*cluster_, rule_);
  write_->add_option("-o,--output", out_, "Output folder")->required();
}

int StageCommands::run(Diagnostics& diagnostics) {
  stage_.work_dir = work_;
  if (*sketch_) {
    sketch_options_.out_dir = work_;
    const RunSummary s = sketch_job(sketch_options_, diagnostics);
    fmt::print("newsdedup: sketched {} documents ({:.1f} MB) in {:.2f} s into {}\n", s.documents,
               static_cast<double>(s.input_bytes) / 1e6, s.total_seconds, work_);
    return strict_status(sketch_options_.strict, diagnostics, work_);
  }
  if (*candidates_) {
    const RunSummary s = candidates_job(stage_);
    fmt::print("newsdedup: {} candidate pairs in {}\n", s.candidate_pairs, work_);
  } else if (*cluster_) {
    const RunSummary s = cluster_job(stage_, rule_);
    fmt::print("newsdedup: {} pairs verified; assignments in {}\n", s.verifications, work_);
  } else if (*write_) {
    const RunSummary s = write_job(stage_, out_);
    fmt::print("newsdedup: kept {}, duplicate {}, exact_duplicate {}, empty {}, invalid {}; outputs in {}\n", s.kept,
               s.duplicate, s.exact_duplicate, s.empty, s.invalid, out_);
  }
  return 0;
}

}  // namespace newsdedup::cli
