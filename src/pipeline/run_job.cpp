#include "pipeline/run_job.h"

#include <oneapi/tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "dedup/clusterer.h"
#include "io/atomic_file.h"
#include "io/document_reader.h"
#include "pipeline/document_stream.h"
#include "pipeline/external_sorter.h"
#include "pipeline/json_writer.h"
#include "pipeline/progress.h"
#include "pipeline/recurring_paragraphs.h"
#include "pipeline/report_writer.h"
#include "pipeline/sketch_store.h"
#include "pipeline/spool.h"

namespace newsdedup {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::size_t effective_threads(std::size_t requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// What pass one keeps in memory about each document: a few bytes (the sketches are in the
// SketchStore and the output records in the Spool, both on disk).
struct DocumentTable {
  std::vector<DocumentState> states;
  std::vector<std::uint32_t> body_bytes;
  std::vector<std::uint64_t> sketch_offsets;
};

// (exact hash, longest body first, input order): sorting these groups exact duplicates, their
// longest copy first.
struct ExactKey {
  std::uint64_t hash = 0;
  std::uint32_t inverse_bytes = 0;
  std::uint32_t doc = 0;
  bool operator<(const ExactKey& other) const {
    if (hash != other.hash) return hash < other.hash;
    if (inverse_bytes != other.inverse_bytes) return inverse_bytes < other.inverse_bytes;
    return doc < other.doc;
  }
};

// How each document ends up: its cluster's representative (a document index) and evidence.
struct Outcome {
  std::uint32_t representative = 0;
  float jaccard = 0;
  float containment = 0;
  bool exact = false;  // the same words as the representative
};

constexpr std::uint32_t kNone = ~0u;
constexpr std::uint32_t kMinComparableWords = 8;

void record_cleaning(const ProcessedDocument& document, RunSummary& summary) {
  ++summary.documents;
  summary.input_bytes += document.input_bytes;
  summary.repaired_utf8 += document.repaired_utf8;
  for (const RemovedLine& line : document.cleaned.removed) ++summary.lines_removed[static_cast<std::size_t>(line.reason)];
}

// The records `run` keeps of a document, made on a worker thread: its corpus line (when it has
// text), its audit details and, when `lsh` is given and the document can be clustered, its band
// keys (documents are numbered by their input ordinal).
void prepare_run_records(ProcessedDocument& document, const LshParameters* lsh) {
  const bool ok = document.state == DocumentState::kOk;
  if (ok) document.record = corpus_record(document);
  document.audit_record = audit_details(document);
  if (lsh != nullptr && ok && document.shingles.word_count >= kMinComparableWords && document.ordinal < kNone)
    append_band_keys(document.signature, static_cast<std::uint32_t>(document.ordinal), *lsh, document.band_keys);
}

// Exact duplicates first: among documents with the same hash, the longest copy leads; only
// leaders are clustered. Returns each document's leader (kNone for documents without text).
std::vector<std::uint32_t> exact_leaders(ExternalSorter<ExactKey>& exact, std::size_t n) {
  std::vector<std::uint32_t> leader(n, kNone);
  std::uint64_t hash = 0;
  std::uint32_t current = kNone;
  exact.merge([&](const ExactKey& key) {
    if (current == kNone || key.hash != hash) {
      hash = key.hash;
      current = key.doc;
    }
    leader[key.doc] = current;
  });
  return leader;
}

// Candidate pairs among leaders (dense indices) from the sorted band keys of all documents.
CandidateGraph candidate_graph(ExternalSorter<BandKey>& band_keys, const std::vector<std::uint32_t>& dense,
                               std::size_t leaders, const LshParameters& lsh) {
  CandidateCollector collector(leaders, lsh);
  std::vector<std::uint32_t> bucket;
  BandKey open{};
  auto close = [&] {
    if (bucket.size() > 1) collector.add_bucket(bucket);
    bucket.clear();
  };
  band_keys.merge([&](const BandKey& key) {
    if (!key.same_bucket(open)) {
      close();
      open = key;
    }
    if (dense[key.doc] != kNone) bucket.push_back(dense[key.doc]);
  });
  close();
  return collector.finish();
}

// The structure of the corpus for clustering: exact-duplicate leaders and their candidates.
struct CandidateStructure {
  std::vector<std::uint32_t> leader;   // document -> its exact-duplicate leader (kNone: no text)
  std::vector<std::uint32_t> leaders;  // leader index -> document
  CandidateGraph graph;                // over leader indices
};

CandidateStructure find_candidate_structure(ExternalSorter<ExactKey>& exact, ExternalSorter<BandKey>& band_keys,
                                            std::size_t n, const RunOptions& options, RunSummary& summary) {
  CandidateStructure structure;
  structure.leader = exact_leaders(exact, n);
  std::vector<std::uint32_t> dense(n, kNone);  // document -> leader index
  for (std::uint32_t i = 0; i < n; ++i) {
    if (structure.leader[i] != i) continue;
    dense[i] = static_cast<std::uint32_t>(structure.leaders.size());
    structure.leaders.push_back(i);
  }
  structure.graph = candidate_graph(band_keys, dense, structure.leaders.size(), options.lsh);
  summary.candidate_pairs = structure.graph.pair_count;
  summary.oversized_buckets = structure.graph.oversized_buckets;
  return structure;
}

std::vector<Outcome> cluster(const DocumentTable& table, const CandidateStructure& structure,
                             const SketchStore& sketches, const RunOptions& options, RunSummary& summary) {
  const std::size_t n = table.states.size();
  const auto& leader = structure.leader;
  const auto& leaders = structure.leaders;
  std::vector<std::uint32_t> leader_bytes;
  leader_bytes.reserve(leaders.size());
  for (std::uint32_t d : leaders) leader_bytes.push_back(table.body_bytes[d]);
  ClusterStats stats;
  const std::vector<ClusterAssignment> assignment = cluster_documents(
      leader_bytes, structure.graph, options.rule,
      [&](std::uint32_t index, ShingleBuffer& buffer) { return sketches.read(table.sketch_offsets[leaders[index]], buffer); },
      &stats);
  summary.verifications += stats.verifications;

  std::vector<Outcome> outcome(n);
  for (std::uint32_t i = 0; i < n; ++i) outcome[i].representative = i;
  for (std::size_t k = 0; k < leaders.size(); ++k)
    outcome[leaders[k]] = {leaders[assignment[k].representative], assignment[k].jaccard, assignment[k].containment};
  for (std::uint32_t i = 0; i < n; ++i) {
    if (leader[i] == kNone || leader[i] == i) continue;
    const Outcome& lead = outcome[leader[i]];
    const bool copy_of_representative = lead.representative == leader[i];
    outcome[i] = copy_of_representative ? Outcome{lead.representative, 1, 1, true} : lead;
  }
  return outcome;
}

// exact_duplicate: the same words as its representative; duplicate: a near copy of it.
std::string_view status_name(const DocumentTable& table, const std::vector<Outcome>& outcome, std::uint32_t i) {
  switch (table.states[i]) {
    case DocumentState::kInvalid: return "invalid";
    case DocumentState::kEmpty: return "empty";
    case DocumentState::kOk: break;
  }
  const Outcome& o = outcome[i];
  if (o.representative == i) return "kept";
  return o.exact ? "exact_duplicate" : "duplicate";
}

void count_status(std::string_view status, RunSummary& summary) {
  if (status == "kept") ++summary.kept;
  else if (status == "duplicate") ++summary.duplicate;
  else if (status == "exact_duplicate") ++summary.exact_duplicate;
  else if (status == "empty") ++summary.empty;
  else ++summary.invalid;
}

// `patches` holds the records of the documents cleaned again (those `patched` affects), in input order.
void write_outputs(const DocumentTable& table, const std::vector<Outcome>& outcome, Spool& spool, Spool* patches,
                   const RecurringParagraphs& patched, const SketchStore& sketches, const RunOptions& options,
                   RunSummary& summary) {
  AtomicFile corpus(options.out_dir / "corpus.jsonl", options.force);
  AtomicFile audit(options.out_dir / "audit.jsonl", options.force);
  spool.rewind();
  std::string id;
  std::string corpus_line;
  std::string details;
  std::string line;
  std::uint32_t named = kNone;  // the representative whose id is in `representative_id`
  std::string representative_id;
  const auto n = static_cast<std::uint32_t>(table.states.size());
  std::vector<std::uint32_t> cluster_size(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    spool.read(id);
    spool.read(corpus_line);
    spool.read(details);
    if (patches != nullptr && patched.affects(i)) {
      patches->read(corpus_line);
      patches->read(details);
    }
    const std::string_view status = status_name(table, outcome, i);
    count_status(status, summary);
    const std::uint32_t rep = outcome[i].representative;
    if (table.states[i] == DocumentState::kOk) ++cluster_size[rep];
    if (status == "kept") {
      corpus.write(corpus_line);
      corpus.write("\n");
    }
    if (rep == i) {
      representative_id = id;
      named = i;
    } else if (named != rep) {
      representative_id = sketches.read_id(table.sketch_offsets[rep]);
      named = rep;
    }
    line.clear();
    line += '{';
    append_json_key(line, "id");
    append_json_string(line, id);
    line += ',';
    append_json_key(line, "status");
    append_json_string(line, status);
    line += ',';
    append_json_key(line, "cluster");
    append_json_string(line, representative_id);
    if (rep != i) {
      line += ',';
      append_json_key(line, "duplicate_of");
      append_json_string(line, representative_id);
      line += ',';
      append_json_key(line, "similarity");
      append_json_number(line, outcome[i].jaccard);
      line += ',';
      append_json_key(line, "containment");
      append_json_number(line, outcome[i].containment);
    }
    line += ',';
    line += details;
    line += "}\n";
    audit.write(line);
  }
  for (std::uint32_t size : cluster_size) {
    if (size == 0) continue;
    ++summary.clusters;
    ++summary.clusters_by_size[size];
  }
  corpus.commit();
  audit.commit();
}

void prepare_out_dir(const RunOptions& options) {
  std::filesystem::create_directories(options.out_dir);
  for (const char* name : {"corpus.jsonl", "audit.jsonl", "report.json"}) {
    const auto path = options.out_dir / name;
    if (!std::filesystem::exists(path)) continue;
    if (!options.force) throw OutputError(path.string() + " exists; use --force to overwrite");
  }
  // Stale outputs would pass for this run's if it were interrupted; the report, which claims
  // completeness, goes first.
  for (const char* name : {"report.json", "corpus.jsonl", "audit.jsonl"}) std::filesystem::remove(options.out_dir / name);
}

}  // namespace

RunSummary run_job(const RunOptions& options, Diagnostics& diagnostics) {
  const auto start = Clock::now();
  const std::size_t threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  prepare_out_dir(options);

  InputOptions input = options.input;
  input.excluded.push_back(options.out_dir);  // never read our own outputs back
  DocumentReader reader(options.inputs, input, diagnostics);
  Progress progress(reader.total_input_bytes());
  RunSummary summary;
  DocumentTable table;
  const std::string work = ".newsdedup-" + std::to_string(getpid());
  Spool spool(options.out_dir / (work + "-spool"));
  SketchStore sketches(options.out_dir / (work + "-sketches"));
  // The memory budget goes to the sorters, about in proportion to their records per document.
  const std::uint64_t share = options.memory_bytes / (options.lsh.bands + 9);
  ExternalSorter<ExactKey> exact(options.out_dir, work + "-exact", share);
  RecurringParagraphs recurring(options.out_dir, work + "-paragraphs", 8 * share);
  ExternalSorter<BandKey> band_keys(options.out_dir, work + "-bands", options.lsh.bands * share, options.lsh.bands);
  check_parameters(options.lsh);
  const Cleaner cleaner(CleanerOptions{.quality = options.quality});

  auto stage_start = Clock::now();
  stream_documents(
      reader, cleaner, /*sketch=*/true, threads,
      [&](ProcessedDocument& document) { prepare_run_records(document, &options.lsh); },
      [&](ProcessedDocument&& document) {
        if (table.states.size() >= kNone) throw std::runtime_error("more than 4,294,967,294 documents in one run");
        const auto doc = static_cast<std::uint32_t>(table.states.size());
        record_cleaning(document, summary);
        const bool ok = document.state == DocumentState::kOk;
        spool.write(document.id);
        spool.write(document.record);
        spool.write(document.audit_record);
        const auto body_bytes = static_cast<std::uint32_t>(std::min<std::size_t>(document.cleaned.body.size(), kNone));
        table.states.push_back(document.state);
        table.body_bytes.push_back(body_bytes);
        // Only documents that can be clustered are ever read back (as members or representatives).
        const bool comparable = ok && document.shingles.word_count >= kMinComparableWords;
        table.sketch_offsets.push_back(
            comparable ? sketches.append(document.id, document.shingles.hashes, document.shingles.numbers) : 0);
        // Too short to tell a copy from a template ("Qtly div 10 cts vs 10 cts prior" of two
        // companies): such a document stays a cluster of its own, even against identical text.
        if (!comparable) return;
        exact.add({document.shingles.exact_hash, kNone - body_bytes, doc});
        if (options.boilerplate_stories > 0) recurring.add(document.cleaned.body, doc);
        for (const BandKey& key : document.band_keys) band_keys.add(key);
      },
      [&](const StreamStats& stats) { progress.update("read, clean, sketch", stats.documents, stats.input_bytes); });
  sketches.flush();
  summary.stage_seconds["read_clean_sketch"] = seconds_since(stage_start);

  stage_start = Clock::now();
  progress.stage("candidates");
  const CandidateStructure structure = find_candidate_structure(exact, band_keys, table.states.size(), options, summary);
  summary.stage_seconds["candidates"] = seconds_since(stage_start);

  stage_start = Clock::now();
  progress.stage("verify and cluster");
  std::vector<Outcome> outcome = cluster(table, structure, sketches, options, summary);
  summary.stage_seconds["cluster"] = seconds_since(stage_start);

  // Pass two, only when some paragraphs recur across stories: the documents holding them are
  // cleaned again without them, re-sketched and clustered again over the same candidates
  // (removing furniture only raises the similarity of true copies, which LSH already paired).
  stage_start = Clock::now();
  progress.stage("cross-corpus boilerplate");
  if (options.boilerplate_stories > 0)
    recurring.find([&](std::uint32_t doc) { return outcome[doc].representative; }, options.boilerplate_stories,
                   table.states.size());
  summary.boilerplate_paragraphs = recurring.paragraphs_found();
  summary.boilerplate_documents = recurring.documents_affected();
  std::optional<Spool> patches;
  if (recurring.documents_affected() > 0) {
    patches.emplace(options.out_dir / (work + "-patches"));
    const BoilerplateFilter filter = [&](std::string_view paragraph) { return recurring.is_boilerplate(paragraph); };
    Diagnostics reported_already;  // pass one reported every problem with the inputs
    reported_already.set_quiet(true);
    DocumentReader again(options.inputs, input, reported_already);
    stream_documents(
        again, cleaner, /*sketch=*/true, threads, [&](ProcessedDocument& document) { prepare_run_records(document, nullptr); },
        [&](ProcessedDocument&& document) {
          const auto doc = static_cast<std::uint32_t>(document.ordinal);
          for (const RemovedLine& line : document.cleaned.removed)
            summary.lines_removed[static_cast<std::size_t>(RemovalReason::kBoilerplate)] +=
                line.reason == RemovalReason::kBoilerplate;
          patches->write(document.record);
          patches->write(document.audit_record);
          table.states[doc] = document.state;
          table.body_bytes[doc] = static_cast<std::uint32_t>(std::min<std::size_t>(document.cleaned.body.size(), kNone));
          table.sketch_offsets[doc] = sketches.append(document.id, document.shingles.hashes, document.shingles.numbers);
        },
        [&](const StreamStats& stats) { progress.update("cross-corpus boilerplate", stats.documents, stats.input_bytes); },
        StreamSelection{[&](std::uint64_t ordinal) { return recurring.affects(ordinal); }, &filter});
    sketches.flush();
    patches->rewind();
    outcome = cluster(table, structure, sketches, options, summary);
  }
  summary.stage_seconds["boilerplate"] = seconds_since(stage_start);
  summary.spilled_runs = exact.runs_spilled() + band_keys.runs_spilled() + recurring.keys().runs_spilled();
  summary.spilled_bytes = exact.bytes_spilled() + band_keys.bytes_spilled() + recurring.keys().bytes_spilled();

  stage_start = Clock::now();
  progress.stage("write");
  write_outputs(table, outcome, spool, patches ? &*patches : nullptr, recurring, sketches, options, summary);
  summary.input_problems = diagnostics.counts();
  summary.stage_seconds["write"] = seconds_since(stage_start);
  summary.total_seconds = seconds_since(start);
  AtomicFile report(options.out_dir / "report.json", options.force);
  RunOptions as_run = options;
  as_run.threads = threads;
  report.write(report_json(summary, as_run));
  report.commit();
  progress.finish();
  return summary;
}

RunSummary clean_job(const CleanOptions& options, Diagnostics& diagnostics) {
  const auto start = Clock::now();
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
      reader, cleaner, /*sketch=*/false, threads, [&](ProcessedDocument& document) { document.record = clean_record(document); },
      [&](ProcessedDocument&& document) {
        record_cleaning(document, summary);
        count_status(document.state == DocumentState::kInvalid ? "invalid"
                     : document.state == DocumentState::kEmpty ? "empty"
                                                                : "kept",
                     summary);
        document.record += '\n';
        output.write(document.record);
      },
      [&](const StreamStats& stats) { progress.update("clean", stats.documents, stats.input_bytes); });
  output.commit();
  progress.finish();
  summary.input_problems = diagnostics.counts();
  summary.total_seconds = seconds_since(start);
  return summary;
}

}  // namespace newsdedup
