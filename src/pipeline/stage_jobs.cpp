#include "pipeline/stage_jobs.h"

#include <oneapi/tbb/global_control.h>

#include <string>
#include <vector>

#include "io/atomic_file.h"
#include "pipeline/candidate_stage.h"
#include "pipeline/cluster_stage.h"
#include "pipeline/job_clock.h"
#include "pipeline/sketch_stage.h"
#include "pipeline/stage_record.h"
#include "pipeline/write_stage.h"

namespace newsdedup {
namespace {

// Each stage's files, in the order of the stages; a stage's record comes last.
const std::vector<std::vector<std::string>>& stage_files() {
  static const std::vector<std::vector<std::string>> files = {
      {"documents.bin", "sketches.bin", "spool.bin", "exact_keys.bin", "band_keys.bin", "sketch.json"},
      {"candidates.bin", "candidates.json"},
      {"assignments.bin", "cluster.json"},
  };
  return files;
}

// Refuses existing files of stage `stage` without `force`; with it removes them and every
// later stage's, records first, so that nothing stale passes for this run's.
void prepare_stage(const std::filesystem::path& work, std::size_t stage, bool force) {
  std::filesystem::create_directories(work);
  for (const std::string& name : stage_files()[stage])
    if (!force && std::filesystem::exists(work / name))
      throw OutputError((work / name).string() + " exists; use --force to overwrite");
  for (std::size_t later = stage; later < stage_files().size(); ++later) {
    const auto& names = stage_files()[later];
    std::filesystem::remove(work / names.back());
    for (const std::string& name : names) std::filesystem::remove(work / name);
  }
}

DocumentTable load_table(const std::filesystem::path& work, const RunSummary& summary) {
  DocumentTable table = DocumentTable::load(work / "documents.bin");
  if (table.size() != summary.documents)
    throw WorkFileError((work / "documents.bin").string() + ": " + std::to_string(table.size()) +
                        " documents where sketch.json counts " + std::to_string(summary.documents) +
                        " (from another run?)");
  return table;
}

std::vector<std::uint32_t> load_leaders(const std::filesystem::path& work, std::size_t documents) {
  FormatReader exact(work / "exact_keys.bin", kExactKeysFormat);
  return exact_leaders(key_file_stream<ExactKey>(exact, documents), documents);
}

}  // namespace

RunSummary sketch_job(const RunOptions& options, Diagnostics& diagnostics) {
  JobClock clock;
  RunOptions as_run = options;
  as_run.threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, as_run.threads);
  prepare_stage(options.out_dir, 0, options.force);
  InputOptions input = options.input;
  input.excluded.push_back(options.out_dir);  // never read our own files back
  DocumentReader reader(options.inputs, input, diagnostics);
  Progress progress(reader.total_input_bytes());
  RunSummary summary;
  SketchStage stage({options.out_dir, "", FormatWriter::Kind::kPersistent, options.force}, options);
  stage.run(reader, Cleaner(CleanerOptions{.quality = options.quality}), as_run.threads, progress, summary);
  progress.stage("sort keys");
  stage.save(summary);
  summary.input_problems = diagnostics.counts();
  clock.lap("read_clean_sketch", summary);
  clock.finish(summary);
  write_stage_record(options.out_dir / "sketch.json", "sketch", summary, as_run, options.force);
  progress.finish();
  return summary;
}

RunSummary candidates_job(const StageOptions& options) {
  JobClock clock;
  const auto& work = options.work_dir;
  RunSummary summary;
  RunOptions run;
  read_stage_record(work / "sketch.json", "sketch", summary, run);
  run.memory_bytes = options.memory_bytes;
  prepare_stage(work, 1, options.force);
  const DocumentTable table = load_table(work, summary);
  const std::vector<std::uint32_t> leader = load_leaders(work, table.size());
  const VisitOrder visit(table.body_bytes, leader);
  FormatReader band_keys(work / "band_keys.bin", kBandKeysFormat);
  FormatWriter candidates(work / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kPersistent, options.force);
  find_candidates(band_key_file_source(band_keys, table.size(), run.lsh.bands), visit, run.lsh,
                  options.memory_bytes, work, candidates, summary);
  clock.lap("candidates", summary);
  write_stage_record(work / "candidates.json", "candidates", summary, run, options.force);
  return summary;
}

RunSummary cluster_job(const StageOptions& options, const DuplicateRule& rule) {
  JobClock clock;
  const auto& work = options.work_dir;
  RunSummary summary;
  RunOptions run;
  read_stage_record(work / "candidates.json", "candidates", summary, run);
  run.rule = rule;
  prepare_stage(work, 2, options.force);
  const DocumentTable table = load_table(work, summary);
  const std::vector<std::uint32_t> leader = load_leaders(work, table.size());
  const VisitOrder visit(table.body_bytes, leader);
  const SketchReader sketches = SketchReader::open(work / "sketches.bin", sketch_resident_bytes(options.memory_bytes));
  FormatReader candidates(work / "candidates.bin", kCandidatesFormat);
  if (candidates.records() != summary.candidate_pairs)
    candidates.fail("holds " + std::to_string(candidates.records()) + " pairs where candidates.json counts " +
                    std::to_string(summary.candidate_pairs));
  const std::vector<Outcome> outcomes =
      cluster_candidates({table, leader, visit, sketches}, candidates, /*resort=*/false, options.memory_bytes, rule,
                         summary);
  save_assignments(outcomes, work / "assignments.bin", options.force);
  clock.lap("cluster", summary);
  write_stage_record(work / "cluster.json", "cluster", summary, run, options.force);
  return summary;
}

RunSummary write_job(const StageOptions& options, const std::filesystem::path& out_dir) {
  JobClock clock;
  const auto& work = options.work_dir;
  RunSummary summary;
  RunOptions run;
  read_stage_record(work / "cluster.json", "cluster", summary, run);
  run.out_dir = out_dir;
  run.force = options.force;
  const DocumentTable table = load_table(work, summary);
  const std::vector<Outcome> outcomes = load_assignments(work / "assignments.bin", table.size());
  SpoolReader spool = SpoolReader::open(work / "spool.bin");
  if (spool.records() != table.size())
    throw WorkFileError((work / "spool.bin").string() + ": " + std::to_string(spool.records()) + " records for " +
                        std::to_string(table.size()) + " documents (from another run?)");
  const SketchReader sketches = SketchReader::open(work / "sketches.bin", sketch_resident_bytes(options.memory_bytes));
  prepare_output_folder(out_dir, options.force);
  write_corpus_and_audit(table, outcomes, spool, {}, sketches, out_dir, options.force, options.memory_bytes, summary);
  clock.lap("write", summary);
  // The total is the sum of the stages, which may have run apart.
  summary.total_seconds = 0;
  for (const auto& [stage, seconds] : summary.stage_seconds) summary.total_seconds += seconds;
  write_report(summary, run);
  return summary;
}

}  // namespace newsdedup
