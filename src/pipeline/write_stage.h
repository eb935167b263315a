// WriteStage: the last pass, from the spool and the cluster outcomes to OUT/corpus.jsonl,
// OUT/audit.jsonl and OUT/report.json.
//
// The spool is read back in input order and merged with each document's outcome: kept
// documents go to corpus.jsonl, every document gets an audit line naming its status, its
// cluster (the representative's id, read from the sketches once per representative:
// pipeline/representative_ids.h) and its evidence. Batches of
// documents go through a oneTBB pipeline, so that reading the spool, composing the lines (in
// parallel) and writing them, in order, overlap; a few batches of about a MiB are in memory at
// once. report.json is written last, so that its "complete": true vouches for the other two.
// Every file is written atomically (io/atomic_file); prepare_output_folder() refuses existing
// outputs without --force and removes stale ones with it. Reads no format of its own. Not
// thread-safe (the parallelism is inside write_corpus_and_audit()).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "pipeline/cluster_stage.h"
#include "pipeline/document_table.h"
#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"
#include "pipeline/sketch_store.h"
#include "pipeline/spool.h"

namespace newsdedup {

// Records of the documents cleaned again by the cross-corpus pass, which replace the spool's.
struct SpoolPatches {
  SpoolReader* spool = nullptr;                       // a spool record less its id per patched document
  std::function<bool(std::uint64_t doc)> patched;     // in input order
};

void prepare_output_folder(const std::filesystem::path& out_dir, bool force);

// Counts statuses and cluster sizes into `summary`. `memory_bytes`: the job's budget, of which
// the representatives' ids take a share (pipeline/representative_ids.h). `read_all`, when
// given, is called once the spool, the patches and the sketches are read for the last time,
// before the outputs are committed (fsynced): a caller can free them meanwhile.
void write_corpus_and_audit(const DocumentTable& table, const std::vector<Outcome>& outcome, SpoolReader& spool,
                            const SpoolPatches& patches, const SketchReader& sketches,
                            const std::filesystem::path& out_dir, bool force, std::uint64_t memory_bytes,
                            RunSummary& summary, const std::function<void()>& read_all = {});

void write_report(const RunSummary& summary, const RunOptions& options);

// What the audit says of a document.
enum class DocumentStatus { kKept, kDuplicate, kExactDuplicate, kEmpty, kInvalid };

// The status of a document in `state` that is its own representative: kept unless it was
// empty or invalid (duplicates are told by the clustering).
DocumentStatus own_status(DocumentState state);
// "kept", "duplicate", "exact_duplicate", "empty", "invalid".
std::string_view name(DocumentStatus status);
// Adds one to the status's count.
void count_status(DocumentStatus status, RunSummary& summary);

}  // namespace newsdedup
