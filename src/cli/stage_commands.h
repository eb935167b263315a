// The stage subcommands (sketch, candidates, cluster, write: pipeline/stage_jobs.h): their
// options, and running the one given. Owns the parsed option values; not thread-safe.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "io/diagnostics.h"
#include "pipeline/run_options.h"
#include "pipeline/stage_jobs.h"

namespace newsdedup::cli {

class StageCommands {
 public:
  explicit StageCommands(CLI::App& app);
  StageCommands(const StageCommands&) = delete;
  StageCommands& operator=(const StageCommands&) = delete;

  // Runs the stage subcommand that was parsed (none: 0); returns the exit status. Throws
  // what the stage throws.
  int run(Diagnostics& diagnostics);

 private:
  CLI::App* sketch_ = nullptr;
  CLI::App* candidates_ = nullptr;
  CLI::App* cluster_ = nullptr;
  CLI::App* write_ = nullptr;
  RunOptions sketch_options_;
  std::string work_;
  std::string out_;
  StageOptions stage_;
  DuplicateRule rule_;
};

}  // namespace newsdedup::cli
