#include "pipeline/write_stage.h"

#include "io/atomic_file.h"
#include "pipeline/json_writer.h"
#include "pipeline/report_writer.h"

namespace newsdedup {
namespace {

// exact_duplicate: the same words as its representative; duplicate: a near copy of it.
DocumentStatus status_of(const DocumentTable& table, const std::vector<Outcome>& outcome, std::uint32_t i) {
  switch (table.states[i]) {
    case DocumentState::kInvalid: return DocumentStatus::kInvalid;
    case DocumentState::kEmpty: return DocumentStatus::kEmpty;
    case DocumentState::kOk: break;
  }
  const Outcome& o = outcome[i];
  if (o.representative == i) return DocumentStatus::kKept;
  return o.exact ? DocumentStatus::kExactDuplicate : DocumentStatus::kDuplicate;
}

}  // namespace

std::string_view name(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kKept: return "kept";
    case DocumentStatus::kDuplicate: return "duplicate";
    case DocumentStatus::kExactDuplicate: return "exact_duplicate";
    case DocumentStatus::kEmpty: return "empty";
    case DocumentStatus::kInvalid: return "invalid";
  }
  return "invalid";
}

void count_status(DocumentStatus status, RunSummary& summary) {
  switch (status) {
    case DocumentStatus::kKept: ++summary.kept; break;
    case DocumentStatus::kDuplicate: ++summary.duplicate; break;
    case DocumentStatus::kExactDuplicate: ++summary.exact_duplicate; break;
    case DocumentStatus::kEmpty: ++summary.empty; break;
    case DocumentStatus::kInvalid: ++summary.invalid; break;
  }
}

void prepare_output_folder(const std::filesystem::path& out_dir, bool force) {
  std::filesystem::create_directories(out_dir);
  for (const char* name : {"corpus.jsonl", "audit.jsonl", "report.json"}) {
    const auto path = out_dir / name;
    if (!std::filesystem::exists(path)) continue;
    if (!force) throw OutputError(path.string() + " exists; use --force to overwrite");
  }
  // Stale outputs would pass for this run's if it were interrupted; the report, which claims
  // completeness, goes first.
  for (const char* name : {"report.json", "corpus.jsonl", "audit.jsonl"}) std::filesystem::remove(out_dir / name);
}

void write_corpus_and_audit(const DocumentTable& table, const std::vector<Outcome>& outcome, SpoolReader& spool,
                            const SpoolPatches& patches, const SketchReader& sketches,
                            const std::filesystem::path& out_dir, bool force, RunSummary& summary) {
  AtomicFile corpus(out_dir / "corpus.jsonl", force);
  AtomicFile audit(out_dir / "audit.jsonl", force);
  std::string id;
  std::string corpus_line;
  std::string details;
  std::string line;
  std::uint32_t named = kNoDocument;  // the representative whose id is in `representative_id`
  std::string representative_id;
  const auto n = static_cast<std::uint32_t>(table.size());
  std::vector<std::uint32_t> cluster_size(n, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    spool.read(id);
    spool.read(corpus_line);
    spool.read(details);
    if (patches.spool != nullptr && patches.patched(i)) {
      patches.spool->read(corpus_line);
      patches.spool->read(details);
    }
    const DocumentStatus status = status_of(table, outcome, i);
    count_status(status, summary);
    const std::uint32_t rep = outcome[i].representative;
    if (table.states[i] == DocumentState::kOk) ++cluster_size[rep];
    if (status == DocumentStatus::kKept) {
      corpus.write(corpus_line);
      corpus.write("\n");
    }
    if (rep == i) {
      representative_id = id;
      named = i;
    } else if (named != rep) {
      representative_id = sketches.read_id(table.sketch_offsets[rep]);
      named = rep;
    }
    line.clear();
    line += '{';
    append_json_key(line, "id");
    append_json_string(line, id);
    line += ',';
    append_json_key(line, "status");
    append_json_string(line, name(status));
    line += ',';
    append_json_key(line, "cluster");
    append_json_string(line, representative_id);
    if (rep != i) {
      line += ',';
      append_json_key(line, "duplicate_of");
      append_json_string(line, representative_id);
      line += ',';
      append_json_key(line, "similarity");
      append_json_number(line, outcome[i].jaccard);
      line += ',';
      append_json_key(line, "containment");
      append_json_number(line, outcome[i].containment);
    }
    line += ',';
    line += details;
    line += "}\n";
    audit.write(line);
  }
  for (std::uint32_t size : cluster_size) {
    if (size == 0) continue;
    ++summary.clusters;
    ++summary.clusters_by_size[size];
  }
  corpus.commit();
  audit.commit();
}

void write_report(const RunSummary& summary, const RunOptions& options) {
  AtomicFile report(options.out_dir / "report.json", options.force);
  report.write(report_json(summary, options));
  report.commit();
}

}  // namespace newsdedup
