// The stages of a run as separate commands over a work folder (docs/formats.md):
//
//   newsdedup sketch INPUTS -o WORK   documents.bin sketches.bin spool.bin exact_keys.bin
//                                     band_keys.bin, then sketch.json
//   newsdedup candidates WORK         candidates.bin, then candidates.json
//   newsdedup cluster WORK            assignments.bin, then cluster.json
//   newsdedup write WORK -o OUT       OUT/corpus.jsonl, audit.jsonl, report.json
//
// In sequence they write the same corpus.jsonl and audit.jsonl as `run` (which has, in
// addition, the cross-corpus pass: it reads the inputs again, so it stays with `run`). Each
// stage reads only files, never the process of the stage before, so stages can run on
// different machines. Every file is written atomically; a stage refuses to overwrite its files
// without `force`, and with it removes the files of the stages after it, which were derived
// from the ones it replaces. Throws WorkFileError naming a missing, corrupt or wrong-version
// file, OutputError for files that exist.
#pragma once

#include <filesystem>

#include "io/diagnostics.h"
#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

// options.out_dir is the work folder; options.boilerplate_stories must be 0.
RunSummary sketch_job(const RunOptions& options, Diagnostics& diagnostics);

struct StageOptions {
  std::filesystem::path work_dir;
  std::uint64_t memory_bytes = std::uint64_t{1} << 30;
  bool force = false;
};
RunSummary candidates_job(const StageOptions& options);
RunSummary cluster_job(const StageOptions& options, const DuplicateRule& rule);
// Writes into out_dir; `force` there means overwriting outputs, as for `run`.
RunSummary write_job(const StageOptions& options, const std::filesystem::path& out_dir);

}  // namespace newsdedup
