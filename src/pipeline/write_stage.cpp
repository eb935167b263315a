#include "pipeline/write_stage.h"

#include <oneapi/tbb/parallel_pipeline.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "io/atomic_file.h"
#include "io/buffer_reuse.h"
#include "pipeline/json_writer.h"
#include "pipeline/object_pool.h"
#include "pipeline/report_writer.h"
#include "pipeline/representative_ids.h"

namespace newsdedup {
namespace {

// exact_duplicate: the same words as its representative; duplicate: a near copy of it.
DocumentStatus status_of(const DocumentTable& table, const std::vector<Outcome>& outcome, std::uint32_t i) {
  if (table.states[i] != DocumentState::kOk) return own_status(table.states[i]);
  const Outcome& o = outcome[i];
  if (o.representative == i) return DocumentStatus::kKept;
  return o.exact ? DocumentStatus::kExactDuplicate : DocumentStatus::kDuplicate;
}

// What a pooled write batch keeps of each buffer: a few times a batch's usual MiB.
constexpr std::size_t kKeptBatchBytes = 4 << 20;

// A document's strings in spool.bin, in order (pipeline/spool.h): its id, its corpus line's
// head, text (not yet a JSON string) and tail, all three empty unless the document has text,
// and the audit line's fields from cleaning. A patch holds all but the id.
enum SpoolString : std::size_t { kId, kCorpusHead, kCorpusText, kCorpusTail, kDetails, kSpoolStrings };
constexpr std::size_t kPatchStrings = kSpoolStrings - kCorpusHead;
using SpoolRecord = std::array<std::string_view, kSpoolStrings>;

// A run of documents on their way from the spool to the outputs: their strings, read from the
// spool in one block (patched documents' from the patches), and the lines made of them. Batches
// are pooled: a batch's buffers (about 2.5 MiB) serve round after round.
struct WriteBatch {
  std::uint32_t first = 0;  // the first document's index
  SpoolBlock block;
  std::string patched;  // the patched documents' strings, one after the other
  std::vector<SpoolRecord> records;
  std::vector<DocumentStatus> statuses;
  std::string corpus;  // the batch's lines of corpus.jsonl
  std::string audit;   // and of audit.jsonl

  // Empty, keeping the buffers but those a batch far larger than most left behind.
  void clear_for(std::uint32_t first_document) {
    first = first_document;
    if (block.capacity > kKeptBatchBytes) block = {};
    clear_all_for_reuse(kKeptBatchBytes, patched, corpus, audit);
    records.clear();
    statuses.clear();
  }
};

// Batches of about a MiB of spool, written with a call per output each; a few in flight at once
// bound the stage's memory.
constexpr std::size_t kWriteBatchDocuments = 1024;
constexpr std::size_t kWriteBatchBytes = 1 << 20;
constexpr std::size_t kWriteTokens = 4;

// A similarity as JsonLine::number() writes it: 1 written directly, since most duplicates are
// whole copies (seed 11: 64% of the similarities, 88% of the containments).
void append_score(JsonLine& line, float score) {
  if (score == 1.0f) {
    line.raw('1');
  } else {
    line.number(score);
  }
}

// The audit line's own fields are built in one JsonLine (one copy into `line`, where a string
// appended at a time went through a JsonLine each); the details from the spool follow as they are.
void append_audit_line(std::string& line, std::string_view id, std::string_view details, DocumentStatus status,
                       bool duplicate, std::string_view representative_id, const Outcome& outcome) {
  JsonLine head;
  head.raw('{');
  head.key("id");
  head.string(id);
  head.string_member("status", name(status));
  head.string_member("cluster", representative_id);
  if (duplicate) {
    head.string_member("duplicate_of", representative_id);
    head.raw(',');
    head.key("similarity");
    append_score(head, outcome.jaccard);
    head.raw(',');
    head.key("containment");
    append_score(head, outcome.containment);
  }
  head.raw(',');
  line += head.view();
  line += details;
  line += "}\n";
}

// Each document's status, its corpus line when kept, and its audit line.
void compose(WriteBatch& batch, const DocumentTable& table, const std::vector<Outcome>& outcome,
             const RepresentativeIds& representatives) {
  std::uint64_t corpus_bytes = 0;
  std::uint64_t audit_bytes = 0;
  for (const SpoolRecord& record : batch.records) {
    corpus_bytes += record[kCorpusHead].size() + record[kCorpusText].size() + record[kCorpusTail].size() + 3;
    audit_bytes += record[kDetails].size() + 2 * record[kId].size() + 160;
  }
  batch.corpus.reserve(corpus_bytes);
  batch.audit.reserve(audit_bytes);
  batch.statuses.reserve(batch.records.size());
  std::uint32_t named = kNoDocument;  // the representative whose id is in `representative_id`
  std::string_view representative_id;
  std::string read_id;  // where `representative_id` was read from the sketches, if it was
  // Representatives' ids are looked up at random: their misses are started ahead.
  constexpr std::uint32_t kSlotAhead = 16;
  constexpr std::uint32_t kIdAhead = 8;
  const auto records = static_cast<std::uint32_t>(batch.records.size());
  for (std::uint32_t k = 0; k < records; ++k) {
    const SpoolRecord& record = batch.records[k];
    const std::uint32_t i = batch.first + k;
    if (k + kSlotAhead < records) representatives.prefetch_slot(outcome[i + kSlotAhead].representative);
    if (k + kIdAhead < records) representatives.prefetch_id(outcome[i + kIdAhead].representative);
    const DocumentStatus status = status_of(table, outcome, i);
    batch.statuses.push_back(status);
    const std::uint32_t rep = outcome[i].representative;
    if (status == DocumentStatus::kKept) {
      batch.corpus += record[kCorpusHead];
      append_json_string(batch.corpus, record[kCorpusText]);
      batch.corpus += record[kCorpusTail];
      batch.corpus += '\n';
    }
    if (rep == i) {
      representative_id = record[kId];
      named = i;
    } else if (named != rep) {
      representative_id = representatives.id(rep, read_id);
      named = rep;
    }
    append_audit_line(batch.audit, record[kId], record[kDetails], status, rep != i, representative_id, outcome[i]);
  }
  // The batch's lines are built: the records' views into its strings are not needed.
  batch.records.clear();
}

}  // namespace

DocumentStatus own_status(DocumentState state) {
  switch (state) {
    case DocumentState::kInvalid: return DocumentStatus::kInvalid;
    case DocumentState::kEmpty: return DocumentStatus::kEmpty;
    case DocumentState::kOk: break;
  }
  return DocumentStatus::kKept;
}

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
                            const std::filesystem::path& out_dir, bool force, std::uint64_t memory_bytes,
                            RunSummary& summary, const std::function<void()>& read_all) {
  AtomicFile corpus(out_dir / "corpus.jsonl", force);
  AtomicFile audit(out_dir / "audit.jsonl", force);
  const auto n = static_cast<std::uint32_t>(table.size());
  std::vector<std::uint32_t> cluster_size(n, 0);
  const RepresentativeIds representatives(table, outcome, sketches, RepresentativeIds::budget_share(memory_bytes));
  std::uint32_t next = 0;  // the next document to read from the spool
  ObjectPool<WriteBatch> pool;  // at most kWriteTokens batches
  // Reading the spool, composing the lines and writing them overlap: a batch is read while the
  // one before it is composed and the one before that written.
  tbb::parallel_pipeline(
      kWriteTokens,
      tbb::make_filter<void, std::shared_ptr<WriteBatch>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<WriteBatch> {
            if (next == n) {
              control.stop();
              return nullptr;
            }
            std::shared_ptr<WriteBatch> batch = pool.take();
            batch->clear_for(next);
            const std::size_t records = spool.read_records(std::min<std::size_t>(kWriteBatchDocuments, n - next), kWriteBatchBytes,
                                                           kSpoolStrings, batch->block);
            if (records == 0) spool.fail("fewer records than documents (truncated or corrupt)");
            const std::vector<std::string_view>& strings = batch->block.strings;
            batch->records.reserve(records);
            struct Patch {
              std::size_t record;
              std::array<std::size_t, kPatchStrings> at, size;  // in batch->patched
            };
            std::vector<Patch> patched;
            for (std::size_t k = 0; k < records; ++k, ++next) {
              SpoolRecord& record = batch->records.emplace_back();
              std::copy_n(strings.begin() + static_cast<std::ptrdiff_t>(kSpoolStrings * k), kSpoolStrings, record.begin());
              if (patches.spool != nullptr && patches.patched(next)) {  // its spooled strings stay unused
                Patch& patch = patched.emplace_back();
                patch.record = k;
                for (std::size_t s = 0; s < kPatchStrings; ++s) {
                  patch.at[s] = batch->patched.size();
                  patch.size[s] = patches.spool->append(batch->patched);
                }
              }
            }
            // Viewed once read whole: appending may move the buffer.
            const std::string_view patched_text = batch->patched;
            for (const Patch& patch : patched)
              for (std::size_t s = 0; s < kPatchStrings; ++s)
                batch->records[patch.record][kCorpusHead + s] = patched_text.substr(patch.at[s], patch.size[s]);
            return batch;
          }) &
          tbb::make_filter<std::shared_ptr<WriteBatch>, std::shared_ptr<WriteBatch>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<WriteBatch> batch) {
                compose(*batch, table, outcome, representatives);
                return batch;
              }) &
          tbb::make_filter<std::shared_ptr<WriteBatch>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<WriteBatch> batch) {
                corpus.write(batch->corpus);
                audit.write(batch->audit);
                for (std::uint32_t k = 0; k < batch->statuses.size(); ++k) {
                  const std::uint32_t i = batch->first + k;
                  count_status(batch->statuses[k], summary);
                  if (table.states[i] == DocumentState::kOk) ++cluster_size[outcome[i].representative];
                }
                pool.give_back(std::move(batch));
              }));
  for (std::uint32_t size : cluster_size) {
    if (size == 0) continue;
    ++summary.clusters;
    ++summary.clusters_by_size[size];
  }
  if (read_all) read_all();
  corpus.commit();
  audit.commit();
}

void write_report(const RunSummary& summary, const RunOptions& options) {
  AtomicFile report(options.out_dir / "report.json", options.force);
  report.write(report_json(summary, options));
  report.commit();
}

}  // namespace newsdedup
