#include "pipeline/explain_job.h"

#include <fmt/core.h>
#include <simdjson.h>

#include <fstream>
#include <optional>

namespace newsdedup {
namespace {

// The audit line of `id`, or nullopt.
std::optional<std::string> find_audit_line(const std::filesystem::path& audit, const std::string& id) {
  std::ifstream in(audit);
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element row;
    if (parser.parse(line).get(row)) continue;
    std::string_view row_id;
    if (row["id"].get(row_id) == simdjson::SUCCESS && row_id == id) return line;
  }
  return std::nullopt;
}

}  // namespace

bool explain_document(const ExplainOptions& options) {
  const auto audit = options.run_dir / "audit.jsonl";
  if (!std::filesystem::exists(audit)) {
    fmt::print(stderr, "newsdedup: {}: no such file (is {} the output folder of a finished run?)\n", audit.string(),
               options.run_dir.string());
    return false;
  }
  const auto line = find_audit_line(audit, options.id);
  if (!line) {
    fmt::print(stderr, "newsdedup: {}: no document with id {}\n", audit.string(), options.id);
    return false;
  }
  simdjson::dom::parser parser;
  const simdjson::dom::element row = parser.parse(*line);
  auto text = [&](const char* key) -> std::string {
    std::string_view value;
    return row[key].get(value) == simdjson::SUCCESS ? std::string(value) : std::string("-");
  };
  fmt::print("document   {}\nstatus     {}\ncluster    {} (representative)\nsource     {}\n", text("id"), text("status"),
             text("cluster"), text("source"));
  double similarity = 0;
  double containment = 0;
  if (row["similarity"].get(similarity) == simdjson::SUCCESS && row["containment"].get(containment) == simdjson::SUCCESS)
    fmt::print("evidence   duplicate of {}: Jaccard similarity {:.3f}, containment {:.3f} (word 5-gram shingles)\n",
               text("duplicate_of"), similarity, containment);
  simdjson::dom::array removed;
  if (row["removed"].get(removed) == simdjson::SUCCESS) {
    fmt::print("removed    {} lines\n", removed.size());
    for (simdjson::dom::element item : removed) {
      const std::string_view reason = item["reason"].get_string().value_unsafe();
      const std::string_view content = item["text"].get_string().value_unsafe();
      const int64_t number = item["line"].get_int64().value_unsafe();
      fmt::print("  line {:>4}  {:<13} {}\n", number, reason, content);
    }
  }
  return true;
}

}  // namespace newsdedup
