// RepresentativeIds: the ids of the documents that others are duplicates of, which the write
// stage names in every duplicate's audit line ("cluster", "duplicate_of").
//
// The ids live in sketches.bin only (pipeline/sketch_store.h), at random offsets: read there
// once per duplicate, they cost a cache and TLB miss each (50 K on seed 11, a quarter of the
// write stage's time). Here each representative's id is read once, in file order, when the
// table is built, and kept in one buffer of at most `max_id_bytes`; the representatives past
// that share are read from the sketches again when asked for. Memory: 4 bytes a document, 4 a
// representative and the ids. Thread-safe after construction (id() only reads, and writes the
// caller's `scratch`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/cluster_stage.h"
#include "pipeline/document_table.h"
#include "pipeline/sketch_store.h"

namespace newsdedup {

class RepresentativeIds {
 public:
  // The share of the ids when a job has no other bound: a fixed part and 64 bytes a document.
  static std::uint64_t default_max_id_bytes(std::size_t documents) { return (std::uint64_t{1} << 20) + 64 * std::uint64_t{documents}; }

  RepresentativeIds(const DocumentTable& table, const std::vector<Outcome>& outcome, const SketchReader& sketches,
                    std::uint64_t max_id_bytes);
  // The id of document `representative`: a view of the buffer, or of `scratch` where it was
  // read from the sketches into it (valid until `scratch` changes).
  std::string_view id(std::uint32_t representative, std::string& scratch) const;
  // How many ids the buffer holds (for tests).
  std::size_t held() const { return starts_.empty() ? 0 : starts_.size() - 1; }

 private:
  static constexpr std::uint32_t kNotHeld = UINT32_MAX;

  const DocumentTable& table_;
  const SketchReader& sketches_;
  std::vector<std::uint32_t> slot_;    // per document: its id's index in starts_, or kNotHeld
  std::vector<std::uint64_t> starts_;  // where each held id starts in ids_, and the end
  std::string ids_;
};

}  // namespace newsdedup
