// CandidateStage: from the sorted exact keys and band keys of pass one to the candidate pairs,
// in the order the clusterer visits documents.
//
// Exact duplicates first: among comparable documents with the same exact hash, the longest
// copy (ties: the first in input order) leads, and only leaders are clustered. The visit
// order of the leaders is longest cleaned body first, ties by input order (VisitOrder). The
// band keys are then merged bucket by bucket; each bucket of leaders yields its pairs
// (dedup/lsh_candidates), once however many bands hold it, which a PairSorter sorts by visit
// order within the memory budget and writes, each distinct pair once, to
//   candidates.bin  magic "NDD-PAIR", version 1, 8-byte records: u32 document, u32 candidate
//                   (visited before the document); ascending by the document's visit rank,
//                   then the candidate's; no repeats
// Documents are input-order indices into documents.bin. Memory: 4 bytes per document for the
// leaders, 4 for the visit ranks and 4 per leader for the visit order, plus the budget, plus
// while candidates are found a table of the buckets already paired (8 bytes a slot, 4 slots a
// leader, from 32 KiB to 32 MiB).
// Not thread-safe (the parallelism is inside find_candidates()).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "pipeline/document_table.h"
#include "pipeline/run_summary.h"
#include "pipeline/sketch_stage.h"
#include "pipeline/work_file.h"

namespace newsdedup {

struct CandidatePair {
  std::uint32_t doc = 0;
  std::uint32_t candidate = 0;  // visited before doc
};
inline constexpr FileFormat kCandidatesFormat{"NDD-PAIR", 1, sizeof(CandidatePair)};

// Streams of sorted records: each calls visit(record) for every record, ascending.
template <typename Record>
using RecordStream = std::function<void(const std::function<void(const Record&)>& visit)>;

// Refuses (FormatReader::fail) a record of a sorted key file that names a document not below
// `documents` or that sorts before `previous`, the record before it (null for the first).
template <typename Record>
void check_key(const FormatReader& file, const Record& record, const Record* previous, std::uint64_t documents) {
  if (record.doc >= documents)
    file.fail("names document " + std::to_string(record.doc) + " of " + std::to_string(documents) +
              " (from another work folder?)");
  if (previous != nullptr && record < *previous) file.fail("records out of order (corrupt?)");
}

// A sorted key file as a stream; checks the order and that every document is below `documents`.
template <typename Record>
RecordStream<Record> key_file_stream(FormatReader& file, std::uint64_t documents) {
  return [&file, documents](const std::function<void(const Record&)>& visit) {
    Record record{};
    Record previous{};
    bool first = true;
    while (file.read_record(record)) {
      check_key(file, record, first ? nullptr : &previous, documents);
      visit(record);
      previous = record;
      first = false;
    }
  };
}

// Each document's exact-duplicate leader (kNoDocument for documents that are not compared).
std::vector<std::uint32_t> exact_leaders(const RecordStream<ExactKey>& exact, std::size_t documents);

// The order in which the clusterer visits the leaders.
struct VisitOrder {
  std::vector<std::uint32_t> order;  // rank -> document
  std::vector<std::uint32_t> rank;   // document -> rank, kNoDocument for documents not clustered

  VisitOrder(std::span<const std::uint32_t> body_bytes, std::span<const std::uint32_t> leader);
  std::uint64_t pack(std::uint32_t doc, std::uint32_t candidate) const;  // sort key of a pair
  // The same key from the two documents' ranks: the later rank high, the earlier low.
  static std::uint64_t pack_ranks(std::uint32_t a, std::uint32_t b) {
    return a < b ? std::uint64_t{b} << 32 | a : std::uint64_t{a} << 32 | b;
  }
};

// Band keys, sorted, band by band: visit_band(band, visit) calls visit(keys) with every key of
// the band, ascending, in consecutive blocks (a call per block, not per key: the per-key loop
// stays inline in the caller), each key packed as (key << 32 | doc) (BandKey::packed(): the band
// is the one visited, and 8 bytes a key are what the sorter holds). It is called once per band,
// for several bands at once from different threads.
struct BandKeySource {
  using Visit = std::function<void(std::span<const std::uint64_t> packed_keys)>;
  std::size_t bands = 0;
  std::function<void(std::size_t band, const Visit& visit)> visit_band;
};

// A sorted band key file (band_keys.bin) as a source: finds where each band starts, and
// checks the order, the bands and that every document is below `documents` as it reads.
BandKeySource band_key_file_source(const FormatReader& file, std::uint64_t documents, std::size_t bands);

// Writes candidates.bin (or a temporary file of the same format) from the band keys of all
// documents; counts pairs, oversized buckets and spills in `summary`. Bands are read and their
// buckets found in parallel (oneTBB); band by band in order, as if from one thread, a bucket no
// earlier band had is turned into pairs for the PairSorter (one that an earlier band had, the
// same members, gave its pairs already): the file and the spill counts do not depend on the
// threads.
void find_candidates(const BandKeySource& band_keys, const VisitOrder& visit, const LshParameters& lsh,
                     std::uint64_t memory_bytes, const std::filesystem::path& spill_folder, FormatWriter& out,
                     RunSummary& summary);

}  // namespace newsdedup
