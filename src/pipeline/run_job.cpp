#include "pipeline/run_job.h"

#include <oneapi/tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <thread>
#include <vector>

#include "dedup/clusterer.h"
#include "io/atomic_file.h"
#include "io/document_reader.h"
#include "pipeline/document_stream.h"
#include "pipeline/json_writer.h"
#include "pipeline/progress.h"
#include "pipeline/report_writer.h"
#include "pipeline/spool.h"

namespace newsdedup {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::size_t effective_threads(std::size_t requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

// What pass 1 keeps in memory about each document: enough to cluster and to name it.
struct DocumentTable {
  std::vector<std::string> ids;
  std::vector<DocumentState> states;
  std::vector<std::uint64_t> body_bytes;
  std::vector<std::uint64_t> exact_hashes;
  std::vector<std::vector<std::uint64_t>> shingles;
  std::vector<std::vector<std::uint64_t>> numbers;
  std::vector<Signature> signatures;
};

// How each document ends up: its cluster's representative (a document index) and evidence.
struct Outcome {
  std::uint64_t representative = 0;
  Similarity similarity;
};

void record_cleaning(const ProcessedDocument& document, RunSummary& summary) {
  ++summary.documents;
  summary.input_bytes += document.input_bytes;
  summary.repaired_utf8 += document.repaired_utf8;
  for (const RemovedLine& line : document.cleaned.removed) ++summary.lines_removed[static_cast<std::size_t>(line.reason)];
}

// Exact duplicates first: among documents with the same hash, the longest copy leads; only
// leaders are sketched and clustered. Returns each document's leader.
std::vector<std::uint64_t> exact_leaders(const DocumentTable& table) {
  const std::size_t n = table.ids.size();
  std::vector<std::uint64_t> order;
  for (std::uint64_t i = 0; i < n; ++i)
    if (table.states[i] == DocumentState::kOk) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](std::uint64_t a, std::uint64_t b) {
    if (table.exact_hashes[a] != table.exact_hashes[b]) return table.exact_hashes[a] < table.exact_hashes[b];
    if (table.body_bytes[a] != table.body_bytes[b]) return table.body_bytes[a] > table.body_bytes[b];
    return a < b;
  });
  std::vector<std::uint64_t> leader(n);
  std::iota(leader.begin(), leader.end(), 0);
  for (std::size_t k = 1; k < order.size(); ++k)
    if (table.exact_hashes[order[k]] == table.exact_hashes[order[k - 1]]) leader[order[k]] = leader[order[k - 1]];
  return leader;
}

std::vector<Outcome> deduplicate(DocumentTable& table, const RunOptions& options, RunSummary& summary, Progress& progress) {
  const std::size_t n = table.ids.size();
  const std::vector<std::uint64_t> leader = exact_leaders(table);
  std::vector<std::uint64_t> leaders;  // dense index -> document index
  for (std::uint64_t i = 0; i < n; ++i)
    if (table.states[i] == DocumentState::kOk && leader[i] == i) leaders.push_back(i);

  auto start = Clock::now();
  progress.stage("candidates");
  std::vector<Signature> signatures;
  signatures.reserve(leaders.size());
  for (std::uint64_t d : leaders) signatures.push_back(table.signatures[d]);
  table.signatures = {};
  const CandidateGraph graph = find_candidates(signatures, options.lsh);
  summary.candidate_pairs = graph.pair_count;
  summary.oversized_buckets = graph.oversized_buckets;
  summary.stage_seconds["candidates"] = seconds_since(start);

  start = Clock::now();
  progress.stage("verify and cluster");
  std::vector<ClusterInput> inputs;
  inputs.reserve(leaders.size());
  for (std::uint64_t d : leaders) inputs.push_back({{table.shingles[d], table.numbers[d]}, table.body_bytes[d], d});
  ClusterStats stats;
  const std::vector<ClusterAssignment> assignment = cluster_documents(inputs, graph, options.rule, &stats);
  summary.verifications = stats.verifications;

  std::vector<Outcome> outcome(n);
  for (std::uint64_t i = 0; i < n; ++i) outcome[i].representative = i;
  for (std::size_t k = 0; k < leaders.size(); ++k)
    outcome[leaders[k]] = {leaders[assignment[k].representative], assignment[k].similarity};
  for (std::uint64_t i = 0; i < n; ++i) {
    if (table.states[i] != DocumentState::kOk || leader[i] == i) continue;
    const Outcome& lead = outcome[leader[i]];
    outcome[i].representative = lead.representative;
    const bool copy_of_representative = lead.representative == leader[i];
    const auto shingles = static_cast<std::uint32_t>(table.shingles[i].size());
    outcome[i].similarity = copy_of_representative ? Similarity{1.0, 1.0, shingles} : lead.similarity;
  }
  summary.stage_seconds["cluster"] = seconds_since(start);
  return outcome;
}

std::string_view status_name(const DocumentTable& table, const std::vector<Outcome>& outcome, std::uint64_t i) {
  switch (table.states[i]) {
    case DocumentState::kInvalid: return "invalid";
    case DocumentState::kEmpty: return "empty";
    case DocumentState::kOk: break;
  }
  const std::uint64_t rep = outcome[i].representative;
  if (rep == i) return "kept";
  return table.exact_hashes[rep] == table.exact_hashes[i] ? "exact_duplicate" : "duplicate";
}

void count_status(std::string_view status, RunSummary& summary) {
  if (status == "kept") ++summary.kept;
  else if (status == "duplicate") ++summary.duplicate;
  else if (status == "exact_duplicate") ++summary.exact_duplicate;
  else if (status == "empty") ++summary.empty;
  else ++summary.invalid;
}

void write_outputs(const DocumentTable& table, const std::vector<Outcome>& outcome, Spool& spool,
                   const RunOptions& options, RunSummary& summary) {
  AtomicFile corpus(options.out_dir / "corpus.jsonl", options.force);
  AtomicFile audit(options.out_dir / "audit.jsonl", options.force);
  spool.rewind();
  std::string corpus_line;
  std::string details;
  std::string line;
  std::vector<std::uint64_t> cluster_size(table.ids.size(), 0);
  for (std::uint64_t i = 0; i < table.ids.size(); ++i) {
    spool.read(corpus_line);
    spool.read(details);
    const std::string_view status = status_name(table, outcome, i);
    count_status(status, summary);
    const std::uint64_t rep = outcome[i].representative;
    if (table.states[i] == DocumentState::kOk) ++cluster_size[rep];
    if (status == "kept") {
      corpus.write(corpus_line);
      corpus.write("\n");
    }
    line.clear();
    line += '{';
    append_json_key(line, "id");
    append_json_string(line, table.ids[i]);
    line += ',';
    append_json_key(line, "status");
    append_json_string(line, status);
    line += ',';
    append_json_key(line, "cluster");
    append_json_string(line, table.ids[rep]);
    if (rep != i) {
      const Similarity& s = outcome[i].similarity;
      line += ',';
      append_json_key(line, "duplicate_of");
      append_json_string(line, table.ids[rep]);
      line += ',';
      append_json_key(line, "similarity");
      append_json_number(line, s.jaccard);
      line += ',';
      append_json_key(line, "containment");
      append_json_number(line, s.containment);
    }
    line += ',';
    line += details;
    line += "}\n";
    audit.write(line);
  }
  for (std::uint64_t size : cluster_size) {
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
  // A stale report would claim completeness while the new outputs are being written.
  std::filesystem::remove(options.out_dir / "report.json");
}

}  // namespace

RunSummary run_job(const RunOptions& options, Diagnostics& diagnostics) {
  const auto start = Clock::now();
  const std::size_t threads = effective_threads(options.threads);
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  prepare_out_dir(options);

  DocumentReader reader(options.inputs, options.input, diagnostics);
  Progress progress(reader.total_input_bytes());
  RunSummary summary;
  DocumentTable table;
  Spool spool(options.out_dir / (".newsdedup-spool-" + std::to_string(getpid())));
  const Cleaner cleaner(CleanerOptions{.quality = options.quality});

  auto stage_start = Clock::now();
  stream_documents(
      reader, cleaner, /*sketch=*/true, threads,
      [&](ProcessedDocument&& document) {
        record_cleaning(document, summary);
        spool.write(document.state == DocumentState::kOk ? corpus_record(document) : std::string());
        spool.write(audit_details(document));
        table.ids.push_back(std::move(document.id));
        table.states.push_back(document.state);
        table.body_bytes.push_back(document.cleaned.body.size());
        table.exact_hashes.push_back(document.shingles.exact_hash);
        table.shingles.push_back(std::move(document.shingles.hashes));
        table.numbers.push_back(std::move(document.shingles.numbers));
        table.signatures.push_back(document.signature);
      },
      [&](const StreamStats& stats) { progress.update("read, clean, sketch", stats.documents, stats.input_bytes); });
  summary.stage_seconds["read_clean_sketch"] = seconds_since(stage_start);

  const std::vector<Outcome> outcome = deduplicate(table, options, summary, progress);

  stage_start = Clock::now();
  progress.stage("write");
  write_outputs(table, outcome, spool, options, summary);
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

  DocumentReader reader(options.inputs, options.input, diagnostics);
  Progress progress(reader.total_input_bytes());
  AtomicFile output(options.output, options.force);
  const Cleaner cleaner(CleanerOptions{options.keep_boilerplate, options.quality});
  RunSummary summary;
  std::string line;
  stream_documents(
      reader, cleaner, /*sketch=*/false, threads,
      [&](ProcessedDocument&& document) {
        record_cleaning(document, summary);
        count_status(document.state == DocumentState::kInvalid ? "invalid"
                     : document.state == DocumentState::kEmpty ? "empty"
                                                                : "kept",
                     summary);
        line = clean_record(document);
        line += '\n';
        output.write(line);
      },
      [&](const StreamStats& stats) { progress.update("clean", stats.documents, stats.input_bytes); });
  output.commit();
  progress.finish();
  summary.input_problems = diagnostics.counts();
  summary.total_seconds = seconds_since(start);
  return summary;
}

}  // namespace newsdedup
