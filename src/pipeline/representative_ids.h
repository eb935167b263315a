// RepresentativeIds: the ids of the documents that others are duplicates of, which the write
// stage names in every duplicate's audit line ("cluster", "duplicate_of").
//
// The ids live in sketches.bin only (pipeline/sketch_store.h), at random offsets: read there
// once per duplicate, they cost a cache and TLB miss each (50 K on seed 11, a quarter of the
// write stage's time). Here each representative's id is read once, in file order, when the
// table is built, and kept in one buffer of at most `max_id_bytes`; the representatives past
// that share are read from the sketches again when asked for. Memory: 8 bytes a document and
// at most `max_id_bytes` of ids. Thread-safe after construction (id() only reads, and writes the caller's `scratch`).
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
  // The ids' share of a job's memory budget: a quarter, as the sketches' resident share (the
  // key sorters have given their buffers back by the write stage), so that the ids of however
  // many representatives stay within the budget, not a number of bytes a document.
  static std::uint64_t budget_share(std::uint64_t memory_bytes) { return memory_bytes / 4; }

  RepresentativeIds(const DocumentTable& table, const std::vector<Outcome>& outcome, const SketchReader& sketches,
                    std::uint64_t max_id_bytes);
  // The id of document `representative`: a view of the buffer, or of `scratch` where it was
  // read from the sketches into it (valid until `scratch` changes).
  std::string_view id(std::uint32_t representative, std::string& scratch) const;
  // Hints for a document to be named soon: the lookup of id() is a miss in slot_ and one in
  // ids_, dependent. prefetch_slot() a few documents before prefetch_id(), which reads the
  // slot, and that a few before id(). Inline, always: GCC deletes calls to a small function
  // whose only effect is a prefetch.
  [[gnu::always_inline]] void prefetch_slot(std::uint32_t representative) const {
    __builtin_prefetch(slot_.data() + representative);
  }
  [[gnu::always_inline]] void prefetch_id(std::uint32_t representative) const {
    const std::uint64_t slot = slot_[representative];
    if (slot != kNotHeld) __builtin_prefetch(ids_.data() + (slot >> kLengthBits));
  }
  // How many bytes of ids the buffer holds (for tests).
  std::size_t held_bytes() const { return ids_.size(); }

 private:
  // A held id's place in ids_ in one word: one load (a cache miss, most times) finds it.
  static constexpr unsigned kLengthBits = 24;
  static constexpr std::uint64_t kMaxHeldIdBytes = (std::uint64_t{1} << kLengthBits) - 1;
  static constexpr std::uint64_t kMaxHeldBytes = (std::uint64_t{1} << (64 - kLengthBits)) - 1;
  static constexpr std::uint64_t kNotHeld = UINT64_MAX;

  const DocumentTable& table_;
  const SketchReader& sketches_;
  std::vector<std::uint64_t> slot_;  // per document: its id's offset in ids_ and length, or kNotHeld
  std::string ids_;
};

}  // namespace newsdedup
