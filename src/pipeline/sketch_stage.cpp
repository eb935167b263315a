#include "pipeline/sketch_stage.h"

#include <algorithm>
#include <stdexcept>

#include "dedup/minhash.h"
#include "pipeline/document_stream.h"

namespace newsdedup {
namespace {

template <typename Record>
void save_sorted(ExternalSorter<Record>& sorter, const std::filesystem::path& path, const FileFormat& format,
                 bool overwrite) {
  FormatWriter file(path, format, FormatWriter::Kind::kPersistent, overwrite);
  sorter.merge([&](const Record& record) { file.write_record(record); });
  file.finish();
}

}  // namespace

std::uint64_t sorter_share(const RunOptions& options) { return options.memory_bytes / (options.lsh.bands + 9); }

bool is_comparable(const ProcessedDocument& document) {
  return document.state == DocumentState::kOk && document.shingles.word_count >= kMinComparableWords;
}

void prepare_run_records(ProcessedDocument& document, const LshParameters* lsh, bool paragraph_hashes) {
  if (document.state == DocumentState::kOk) corpus_record_parts(document, document.corpus_head, document.corpus_tail);
  audit_details(document, document.audit_record);
  if (!is_comparable(document)) return;
  if (lsh != nullptr && document.ordinal < kNoDocument)
    // Only here, for the documents LSH will see: the signature of a page too short to compare
    // (few shingles, so most of its bins borrowed) would cost the most and serve nothing.
    append_band_keys(document.shingles.bins.densify(), static_cast<std::uint32_t>(document.ordinal), *lsh,
                     document.band_keys);
  // Past MinHash only the 32-bit keys are needed: made here, off the serial consumer. The 64-bit
  // hashes are dropped (their buffer stays for the next document processed into this one).
  shingle_keys(document.shingles.hashes, document.shingle_keys);
  document.shingles.hashes.clear();
  if (paragraph_hashes) document.paragraph_hashes = RecurringParagraphs::counted_paragraph_hashes(document.cleaned.body);
}

void write_corpus_parts(const ProcessedDocument& document, SpoolWriter& spool) {
  const bool ok = document.state == DocumentState::kOk;
  spool.write(document.corpus_head);
  spool.write(ok ? std::string_view(document.cleaned.body) : std::string_view());
  spool.write(document.corpus_tail);
}

void record_cleaning(const ProcessedDocument& document, RunSummary& summary) {
  ++summary.documents;
  summary.input_bytes += document.input_bytes;
  summary.repaired_utf8 += document.repaired_utf8;
  for (const RemovedLine& line : document.cleaned.removed) ++summary.lines_removed[static_cast<std::size_t>(line.reason)];
}

SketchStage::SketchStage(const StageFiles& files, const RunOptions& options)
    : spool(files / "spool.bin", files.kind, files.overwrite),
      sketches(files / "sketches.bin", files.kind, files.overwrite),
      exact(files.folder, files.prefix + "exact", sorter_share(options)),
      band_keys(files.folder, files.prefix + "bands", options.lsh.bands * sorter_share(options), options.lsh.bands),
      recurring(files.folder, files.prefix + "paragraphs", 8 * sorter_share(options)),
      files_(files),
      options_(options) {
  check_parameters(options.lsh);
}

void SketchStage::run(DocumentReader& reader, const Cleaner& cleaner, std::size_t threads, Progress& progress,
                      RunSummary& summary) {
  stream_documents(
      reader, cleaner, /*sketch=*/true, threads,
      [&](ProcessedDocument& document) {
        prepare_run_records(document, &options_.lsh, options_.boilerplate_stories > 0);
      },
      [&](const ProcessedDocument& document) { consume(document, summary); },
      [&](const StreamStats& stats) { progress.update("read, clean, sketch", stats.documents, stats.input_bytes); });
  sketches.flush();
}

void SketchStage::consume(const ProcessedDocument& document, RunSummary& summary) {
  if (table.size() >= kNoDocument) throw std::runtime_error("more than 4,294,967,294 documents in one run");
  const auto doc = static_cast<std::uint32_t>(table.size());
  record_cleaning(document, summary);
  spool.write(document.id);
  write_corpus_parts(document, spool);
  spool.write(document.audit_record);
  spool.end_record();
  if (!enter_in_table(doc, document)) return;
  exact.add({document.shingles.exact_hash, kNoDocument - table.body_bytes[doc], doc});
  recurring.add(document.paragraph_hashes, doc);
  band_keys.add_one_per_partition(document.band_keys);  // band b at index b (append_band_keys)
}

bool SketchStage::enter_in_table(std::uint32_t doc, const ProcessedDocument& document) {
  if (doc == table.size()) {
    table.states.emplace_back();
    table.body_bytes.emplace_back();
    table.sketch_offsets.emplace_back();
  }
  const bool comparable = is_comparable(document);
  // A comparable document has at least one shingle: without keys it was never prepared.
  if (comparable && document.shingle_keys.empty()) throw std::logic_error("a comparable document without shingle keys");
  table.states[doc] = document.state;
  table.body_bytes[doc] = static_cast<std::uint32_t>(std::min<std::size_t>(document.cleaned.body.size(), kNoDocument));
  // Only documents that can be clustered are ever read back (as members or representatives).
  table.sketch_offsets[doc] =
      comparable ? sketches.append(document.id, document.shingle_keys, document.shingles.numbers) : 0;
  return comparable;
}

void SketchStage::save(RunSummary& summary) {
  spool.finish();
  sketches.finish();
  table.save(files_ / "documents.bin", files_.overwrite);
  save_sorted(exact, files_ / "exact_keys.bin", kExactKeysFormat, files_.overwrite);
  save_sorted(band_keys, files_ / "band_keys.bin", kBandKeysFormat, files_.overwrite);
  summary.count_spills(exact, band_keys);
}

}  // namespace newsdedup
