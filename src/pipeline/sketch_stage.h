// SketchStage: pass one, the only stage that reads the inputs. Every document is read,
// cleaned, shingled and sketched in parallel (pipeline/document_stream) and consumed in input
// order into:
//   table      state, body length and sketch offset of each document (pipeline/document_table)
//   spool      its output records (pipeline/spool)
//   sketches   id, shingles and figures of each comparable document (pipeline/sketch_store)
//   exact      an ExactKey per comparable document, sorted externally
//   band_keys  options.lsh.bands BandKeys per comparable document, sorted externally
//   recurring  the paragraphs of each comparable document, when --cross-corpus is on
// The memory budget is shared among the sorters in proportion to their records per document.
// `run` keeps everything in the process and hands the sorters to the candidate stage;
// `newsdedup sketch` saves them into a work folder with save():
//   exact_keys.bin  magic "NDD-EXCT", version 1, 16-byte records ascending by (hash,
//                   inverse_bytes, doc): u64 exact hash of the shingles, u32 ~0 - body bytes
//                   (so the longest copy sorts first), u32 document
//   band_keys.bin   magic "NDD-BAND", version 2, 12-byte records ascending by (band, key,
//                   doc): u32 hash of the band's signature rows, u32 band, u32 document
// Owns its files and sorters; not thread-safe (the parallelism is inside run()).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "clean/cleaner.h"
#include "dedup/lsh_candidates.h"
#include "io/document_reader.h"
#include "pipeline/document_table.h"
#include "pipeline/external_sorter.h"
#include "pipeline/progress.h"
#include "pipeline/recurring_paragraphs.h"
#include "pipeline/run_options.h"
#include "pipeline/run_summary.h"
#include "pipeline/sketch_store.h"
#include "pipeline/spool.h"

namespace newsdedup {

// (exact hash, longest body first, input order): sorting these groups exact duplicates, their
// longest copy first.
struct ExactKey {
  std::uint64_t hash = 0;
  std::uint32_t inverse_bytes = 0;
  std::uint32_t doc = 0;
  bool operator<(const ExactKey& other) const {
    if (hash != other.hash) return hash < other.hash;
    if (inverse_bytes != other.inverse_bytes) return inverse_bytes < other.inverse_bytes;
    return doc < other.doc;
  }
  std::uint64_t sort_hash() const { return hash; }  // ExternalSorter sorts by it first (a radix sort)
};

inline constexpr FileFormat kExactKeysFormat{"NDD-EXCT", 1, sizeof(ExactKey)};
inline constexpr FileFormat kBandKeysFormat{"NDD-BAND", 2, sizeof(BandKey)};
static_assert(sizeof(ExactKey) == 16 && sizeof(BandKey) == 12);

// Documents with fewer words are never compared: too short to tell a copy from a template
// ("Qtly div 10 cts vs 10 cts prior" of two companies), such a document stays a cluster of its
// own, even against identical text.
inline constexpr std::uint32_t kMinComparableWords = 8;

// Whether a processed document is ever compared (and so sketched, keyed and clustered).
bool is_comparable(const ProcessedDocument& document);

// Where a stage's files go: names in a work folder, or unnamed temporaries beside `folder`.
struct StageFiles {
  std::filesystem::path folder;
  std::string prefix;  // prepended to each file name
  FormatWriter::Kind kind = FormatWriter::Kind::kTemporary;
  bool overwrite = false;

  std::filesystem::path operator/(const std::string& name) const { return folder / (prefix + name); }
};

// The memory budget goes to the sorters, about in proportion to their records per document:
// one share to the exact keys, `bands` shares to the band keys, 8 to recurring paragraphs (fed
// only with --cross-corpus); what the band keys leave goes to the candidate pairs.
std::uint64_t sorter_share(const RunOptions& options);

// Makes the records `run` keeps of a document, on a worker thread (see stream_documents): its
// corpus line's head and tail (when it has text), its audit details and, when the document is comparable, its
// shingle keys (then empties the 64-bit shingle hashes), its band keys when `lsh` is given
// (documents are numbered by their input ordinal) and the hashes of its paragraphs for
// RecurringParagraphs when `paragraph_hashes` is set.
void prepare_run_records(ProcessedDocument& document, const LshParameters* lsh, bool paragraph_hashes);

// Writes the three strings of a spool record that make up the document's corpus line (see
// pipeline/spool.h): its head, its text (not yet escaped), its tail; all three empty unless kOk.
void write_corpus_parts(const ProcessedDocument& document, SpoolWriter& spool);

// Adds one document's cleaning counts to the summary.
void record_cleaning(const ProcessedDocument& document, RunSummary& summary);

class SketchStage {
 public:
  SketchStage(const StageFiles& files, const RunOptions& options);

  // Reads every input; fills the table, the files and the sorters, and the summary's counts.
  void run(DocumentReader& reader, const Cleaner& cleaner, std::size_t threads, Progress& progress,
           RunSummary& summary);
  // Writes documents.bin, exact_keys.bin and band_keys.bin and finishes spool.bin and
  // sketches.bin in the work folder (persistent StageFiles only).
  void save(RunSummary& summary);
  // Sets document `doc`'s row of the table: its state, cleaned body length and, when it is
  // comparable, a new sketch of its shingle keys (prepare_run_records() must have made them;
  // else none, so it is never compared). Pass one appends the row
  // (doc == table.size()); the cross-corpus pass replaces it for a document cleaned again.
  // Returns whether the document is comparable.
  bool enter_in_table(std::uint32_t doc, const ProcessedDocument& document);

  DocumentTable table;
  SpoolWriter spool;
  SketchWriter sketches;
  ExternalSorter<ExactKey> exact;
  ExternalSorter<BandKey> band_keys;
  RecurringParagraphs recurring;

 private:
  void consume(const ProcessedDocument& document, RunSummary& summary);

  StageFiles files_;
  const RunOptions& options_;
};

}  // namespace newsdedup
