// StageRecord: what a stage of `newsdedup sketch | candidates | cluster | write` hands on
// besides its data files: the options the work was done with and the counts so far, as the
// JSON files sketch.json, candidates.json and cluster.json of a work folder.
//
// Each record is cumulative (candidates.json holds everything sketch.json held, plus the
// candidate counts), so a stage reads only its predecessor's, and the write stage has all
// report.json needs. A stage writes its record last, atomically: a record vouches that the
// stage's data files are complete. read_stage_record() throws WorkFileError naming the file
// when it is missing, not JSON, or of another stage or version. Stateless; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

void write_stage_record(const std::filesystem::path& path, std::string_view stage, const RunSummary& summary,
                        const RunOptions& options, bool overwrite);

// Fills the summary and the options (inputs, fields, parameters) from the record.
void read_stage_record(const std::filesystem::path& path, std::string_view stage, RunSummary& summary,
                       RunOptions& options);

}  // namespace newsdedup
