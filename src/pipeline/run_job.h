// run_job: the whole de-duplication job, from inputs to OUT_DIR/{corpus,audit}.jsonl and
// report.json.
//
//   pass 1  stream_documents: read -> clean -> shingle -> sketch, in parallel; results kept in
//           input order: per document its id, state and sketch in memory, its output records
//           in a spool file in OUT_DIR
//   dedup   exact groups by hash -> LSH candidates among group leaders -> clusterer (verifies
//           every pair against the representative)
//   pass 2  the spool is read back in order and merged with the cluster assignments into
//           corpus.jsonl and audit.jsonl; report.json is written last with "complete": true.
// Every output file is written atomically. Throws OutputError when an output exists and
// options.force is false, std::runtime_error on unreadable inputs named on the command line.
#pragma once

#include "io/diagnostics.h"
#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

RunSummary run_job(const RunOptions& options, Diagnostics& diagnostics);

// The `clean` job: one output line per input document, in input order.
RunSummary clean_job(const CleanOptions& options, Diagnostics& diagnostics);

}  // namespace newsdedup
