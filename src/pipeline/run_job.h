// run_job: the whole de-duplication job, from inputs to OUT_DIR/{corpus,audit}.jsonl and
// report.json, as a composition of the stages (each in its own file):
//
//   sketch_stage     read -> clean -> shingle -> sketch, in parallel, kept in input order:
//                    document table in memory; spool, sketches, sorted exact and band keys on disk
//   candidate_stage  exact-duplicate leaders -> LSH buckets -> candidate pairs in visit order
//   cluster_stage    pairs streamed into the clusterer, verified against representatives
//   (cross-corpus)   optional: documents with recurring paragraphs cleaned again, reclustered
//   write_stage      spool + outcomes -> corpus.jsonl, audit.jsonl; report.json last
// The files between stages are unnamed temporaries in OUT_DIR here; stage_jobs.h runs the same
// stages as separate commands over named files. Every output file is written atomically.
// Throws OutputError when an output exists and options.force is false, std::runtime_error on
// unreadable inputs named on the command line.
#pragma once

#include "io/diagnostics.h"
#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

RunSummary run_job(const RunOptions& options, Diagnostics& diagnostics);

// The `clean` job: one output line per input document, in input order.
RunSummary clean_job(const CleanOptions& options, Diagnostics& diagnostics);

}  // namespace newsdedup
