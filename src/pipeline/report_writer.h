// report_json: renders a finished run's RunSummary and options as report.json.
// "complete": true is part of the text: the file is only ever written (atomically) at the end.
// Stateless and thread-safe.
#pragma once

#include <string>

#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"

namespace newsdedup {

std::string report_json(const RunSummary& summary, const RunOptions& options);

}  // namespace newsdedup
