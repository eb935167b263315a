#include "pipeline/run_job.h"

#include <oneapi/tbb/global_control.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <thread>

#include "io/atomic_file.h"
#include "pipeline/candidate_stage.h"
#include "pipeline/cluster_stage.h"
#include "pipeline/document_stream.h"
#include "pipeline/job_clock.h"
#include "pipeline/sketch_stage.h"
#include "pipeline/write_stage.h"

namespace newsdedup {
namespace {

// Pass two, only when some paragraphs recur across stories: the documents holding them are
// cleaned again without them and re-sketched, their new records spooled to `patches`. They
// are then clustered again over the same candidates (removing furniture only raises the
// similarity of true copies, which LSH already paired), except those now too short to compare,
// which pass one would have left out (leaders_still_comparable).
void clean_again(const RunOptions& options, const InputOptions& input, const Cleaner& cleaner, std::size_t threads,
                 const RecurringParagraphs& recurring, SketchStage& pass_one, SpoolWriter& patches,
                 Progress& progress, RunSummary& summary) {
  const BoilerplateFilter filter = [&](std::string_view paragraph) { return recurring.is_boilerplate(paragraph); };
  Diagnostics reported_already;  // pass one reported every problem with the inputs
  reported_already.set_quiet(true);
  DocumentReader again(options.inputs, input, reported_already);
  stream_documents(
      again, cleaner, /*sketch=*/true, threads,
      [&](ProcessedDocument& document) { prepare_run_records(document, nullptr, /*paragraph_hashes=*/false); },
      [&](const ProcessedDocument& document) {
        const auto doc = static_cast<std::uint32_t>(document.ordinal);
        for (const RemovedLine& line : document.cleaned.removed)
          summary.lines_removed[static_cast<std::size_t>(RemovalReason::kBoilerplate)] +=
              line.reason == RemovalReason::kBoilerplate;
        write_corpus_parts(document, patches);
        patches.write(document.audit_record);
        patches.end_record();
        pass_one.enter_in_table(doc, document);
      },
      [&](const StreamStats& stats) { progress.update("cross-corpus boilerplate", stats.documents, stats.input_bytes); },
      StreamSelection{[&](std::uint64_t ordinal) { return recurring.affects(ordinal); }, &filter});
  pass_one.sketches.flush();
  patches.finish();
}

// Pass one's exact-copy leaders, less the documents that pass two cleaned below the comparable
// minimum (they have no sketch now) and the copies that followed them: pass one would never
// have compared them, so they leave the clustering and each stays a cluster of its own.
std::vector<std::uint32_t> leaders_still_comparable(const std::vector<std::uint32_t>& leader, const DocumentTable& table) {
  std::vector<std::uint32_t> still = leader;
  for (std::uint32_t doc = 0; doc < still.size(); ++doc)
    if (still[doc] != kNoDocument && (table.sketch_offsets[doc] == 0 || table.sketch_offsets[still[doc]] == 0))
      still[doc] = kNoDocument;
  return still;
}

}  // namespace

// The stages of `newsdedup sketch | candidates | cluster | write` in one process, over
// temporary files in the output folder: the sorted keys go straight from pass one's sorters
// to the candidate stage instead of through files.
RunSummary run_job(const RunOptions& options, Diagnostics& diagnostics) {
  JobClock clock;
  const std::size_t threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  prepare_output_folder(options.out_dir, options.force);

  InputOptions input = options.input;
  input.excluded.push_back(options.out_dir);  // never read our own outputs back
  DocumentReader reader(options.inputs, input, diagnostics);
  Progress progress(reader.total_input_bytes());
  RunSummary summary;
  const StageFiles temporary{options.out_dir, ".newsdedup-" + std::to_string(getpid()) + "-",
                             FormatWriter::Kind::kTemporary};
  SketchStage pass_one(temporary, options);
  const Cleaner cleaner(CleanerOptions{.quality = options.quality});
  pass_one.run(reader, cleaner, threads, progress, summary);
  pass_one.spool.finish();
  const DocumentTable& table = pass_one.table;
  clock.lap("read_clean_sketch", summary);

  progress.stage("candidates");
  const std::vector<std::uint32_t> leader =
      exact_leaders([&](const auto& visit) { pass_one.exact.merge(visit); }, table.size());
  std::optional<VisitOrder> visit(std::in_place, table.body_bytes, leader);
  FormatWriter candidates(temporary / "candidates.bin", kCandidatesFormat, FormatWriter::Kind::kTemporary);
  // The band keys' merge holds their share of the budget; the pairs get the rest.
  const std::uint64_t pair_budget = options.memory_bytes - options.lsh.bands * sorter_share(options);
  pass_one.band_keys.seal();
  const BandKeySource band_keys{pass_one.band_keys.partitions(), [&](std::size_t band, const BandKeySource::Visit& visit_keys) {
                                  pass_one.band_keys.merge_partition_blocks(band, visit_keys);
                                }};
  find_candidates(band_keys, *visit, options.lsh, pair_budget, options.out_dir, candidates, summary);
  clock.lap("candidates", summary);

  progress.stage("verify and cluster");
  std::optional<SketchReader> sketches(std::in_place, SketchReader::open(pass_one.sketches, sketch_resident_bytes(options.memory_bytes)));
  FormatReader pairs(candidates, kCandidatesFormat);
  std::vector<Outcome> outcome = cluster_candidates({table, leader, *visit, *sketches}, pairs, /*resort=*/false,
                                                    options.memory_bytes, options.rule, summary);
  clock.lap("cluster", summary);

  progress.stage("cross-corpus boilerplate");
  RecurringParagraphs& recurring = pass_one.recurring;
  if (options.boilerplate_stories > 0)
    recurring.find([&](std::uint32_t doc) { return outcome[doc].representative; }, options.boilerplate_stories,
                   table.size());
  summary.boilerplate_paragraphs = recurring.paragraphs_found();
  summary.boilerplate_documents = recurring.documents_affected();
  std::optional<SpoolWriter> patches;
  std::optional<SpoolReader> patch_reader;
  if (recurring.documents_affected() > 0) {
    patches.emplace(temporary / "patches.bin", FormatWriter::Kind::kTemporary);
    sketches.reset();  // re-read below, with the records pass two appends
    clean_again(options, input, cleaner, threads, recurring, pass_one, *patches, progress, summary);
    patch_reader.emplace(SpoolReader::open(*patches));
    // New body lengths: a new visit order, over which the same candidates are sorted again.
    const std::vector<std::uint32_t> comparable_leader = leaders_still_comparable(leader, table);
    visit.emplace(table.body_bytes, comparable_leader);
    sketches.emplace(SketchReader::open(pass_one.sketches, sketch_resident_bytes(options.memory_bytes)));
    FormatReader again(candidates, kCandidatesFormat);
    // The re-sort's pairs share the budget with the sketches' resident share.
    outcome = cluster_candidates({table, comparable_leader, *visit, *sketches}, again, /*resort=*/true,
                                 options.memory_bytes - sketch_resident_bytes(options.memory_bytes), options.rule,
                                 summary);
  }
  clock.lap("boilerplate", summary);
  summary.count_spills(pass_one.exact, pass_one.band_keys, recurring.keys());

  progress.stage("write");
  SpoolReader spool = SpoolReader::open(pass_one.spool);
  // The work files' pages are freed on a thread of their own while the outputs are fsynced,
  // instead of when the process closes them, at its end, on one thread. Nothing may read the
  // spool, the patches or the sketches (mapped: a read would be a SIGBUS) after read_all.
  std::jthread release_work_files;
  write_corpus_and_audit(table, outcome, spool,
                         {patch_reader ? &*patch_reader : nullptr, [&](std::uint64_t doc) { return recurring.affects(doc); }},
                         *sketches, options.out_dir, options.force, options.memory_bytes, summary, [&] {
                           release_work_files = std::jthread([&] {
                             pass_one.spool.release();
                             pass_one.sketches.release();
                             if (patches) patches->release();
                           });
                         });
  summary.input_problems = diagnostics.counts();
  clock.lap("write", summary);
  clock.finish(summary);
  RunOptions as_run = options;
  as_run.threads = threads;
  write_report(summary, as_run);
  progress.finish();
  return summary;
}

RunSummary clean_job(const CleanOptions& options, Diagnostics& diagnostics) {
  JobClock clock;
  const std::size_t threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  if (std::filesystem::exists(options.output) && !options.force)
    throw OutputError(options.output.string() + " exists; use --force to overwrite");
  if (options.output.has_parent_path()) std::filesystem::create_directories(options.output.parent_path());

  InputOptions input = options.input;
  input.excluded.push_back(options.output);  // a previous output inside an input folder
  DocumentReader reader(options.inputs, input, diagnostics);
  Progress progress(reader.total_input_bytes());
  AtomicFile output(options.output, options.force);
  const Cleaner cleaner(CleanerOptions{options.keep_boilerplate, options.quality});
  RunSummary summary;
  stream_documents(
      reader, cleaner, /*sketch=*/false, threads,
      [&](ProcessedDocument& document) {
        clean_record(document, document.record);
        document.record += '\n';
      },
      [&](const ProcessedDocument& document) {
        record_cleaning(document, summary);
        count_status(own_status(document.state), summary);
        output.write(document.record);
      },
      [&](const StreamStats& stats) { progress.update("clean", stats.documents, stats.input_bytes); });
  output.commit();
  progress.finish();
  summary.input_problems = diagnostics.counts();
  clock.finish(summary);
  return summary;
}

}  // namespace newsdedup
