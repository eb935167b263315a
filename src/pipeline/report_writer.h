// report_json: renders a finished run's RunSummary and options as report.json.
// "complete": true is part of the text: the file is only ever written (atomically) at the end,
// after every other output is in place. "skipped_inputs" counts the input problems after which
// some input was not used (the ones that fail a --strict run).
// Stateless and thread-safe.
#pragma once

#include <string>

#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

std::string report_json(const RunSummary& summary, const RunOptions& options);

}  // namespace newsdedup
