// explain_document: prints, for one document of a finished run, its status, its cluster and
// representative, the evidence (similarity, containment, shared passages) and the lines the
// cleaner removed, reading OUT_DIR/audit.jsonl and, for the passages, the run's inputs.
// Returns false (after printing why) when the run or the id cannot be found.
#pragma once

#include <filesystem>
#include <string>

namespace newsdedup {

struct ExplainOptions {
  std::string id;
  std::filesystem::path run_dir;
};

bool explain_document(const ExplainOptions& options);

}  // namespace newsdedup
