#include "pipeline/explain_job.h"

#include <fmt/core.h>
#include <simdjson.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "clean/cleaner.h"
#include "dedup/shared_passages.h"
#include "io/document_reader.h"
#include "pipeline/processed_document.h"

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

constexpr std::size_t kPassagesShown = 3;
constexpr std::size_t kPassageChars = 240;

struct RunInputs {
  std::vector<std::string> paths;
  InputOptions options;
};

// Where the run read its documents from, as report.json records it.
std::optional<RunInputs> run_inputs(const std::filesystem::path& run_dir) {
  std::ifstream in(run_dir / "report.json");
  std::stringstream text;
  text << in.rdbuf();
  simdjson::dom::parser parser;
  simdjson::dom::element report;
  if (!in || parser.parse(text.str()).get(report)) return std::nullopt;
  RunInputs inputs;
  simdjson::dom::array paths;
  if (report["inputs"].get(paths)) return std::nullopt;
  for (simdjson::dom::element path : paths) {
    std::string_view value;
    if (path.get(value) == simdjson::SUCCESS) inputs.paths.emplace_back(value);
  }
  std::string_view field;
  if (report["input_fields"]["id"].get(field) == simdjson::SUCCESS) inputs.options.id_field = field;
  if (report["input_fields"]["text"].get(field) == simdjson::SUCCESS) inputs.options.text_field = field;
  std::uint64_t max_document_bytes = 0;
  if (report["parameters"]["max_document_bytes"].get(max_document_bytes) == simdjson::SUCCESS)
    inputs.options.max_document_bytes = max_document_bytes;
  return inputs;
}

// The cleaned bodies of the documents `ids` names, read again from the run's inputs (empty
// where a document is no longer there).
std::vector<std::string> cleaned_bodies(const RunInputs& inputs, const std::vector<std::string>& ids) {
  std::vector<std::string> bodies(ids.size());
  std::size_t found = 0;
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);  // the run already reported problems with the inputs
  DocumentReader reader(inputs.paths, inputs.options, diagnostics);
  const Cleaner cleaner;
  while (found < ids.size()) {
    std::optional<Document> document = reader.next();
    if (!document) break;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (document->id != ids[k] || !bodies[k].empty()) continue;
      bodies[k] = process_document(*document, cleaner, /*sketch=*/false).cleaned.body;
      ++found;
    }
  }
  return bodies;
}

// One line of at most kPassageChars bytes: paragraph breaks become spaces.
std::string shortened(std::string_view text) {
  std::string line;
  for (char c : text.substr(0, kPassageChars + 4)) {
    if (c == '\n' && !line.empty() && line.back() == ' ') continue;
    line += c == '\n' ? ' ' : c;
  }
  if (text.size() <= kPassageChars) return line;
  std::size_t cut = std::min(line.size(), kPassageChars);
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  line.resize(cut);
  return line + "\u2026";
}

void print_shared_passages(const std::filesystem::path& run_dir, const std::string& id, const std::string& representative) {
  const std::optional<RunInputs> inputs = run_inputs(run_dir);
  if (!inputs) {
    fmt::print("passages   (report.json does not name the run's inputs)\n");
    return;
  }
  const std::vector<std::string> bodies = cleaned_bodies(*inputs, {id, representative});
  if (bodies[0].empty() || bodies[1].empty()) {
    fmt::print("passages   (the run's inputs no longer hold both documents)\n");
    return;
  }
  const auto passages = shared_passages(bodies[0], bodies[1], kPassagesShown);
  fmt::print("passages   {} longest shared with {}\n", passages.size(), representative);
  for (const SharedPassage& passage : passages) fmt::print("  {:>4} words  \"{}\"\n", passage.words, shortened(passage.text));
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
  if (text("status") == "duplicate" || text("status") == "exact_duplicate")
    print_shared_passages(options.run_dir, text("id"), text("duplicate_of"));
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
