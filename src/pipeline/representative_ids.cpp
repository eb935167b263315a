#include "pipeline/representative_ids.h"

#include <algorithm>

namespace newsdedup {

RepresentativeIds::RepresentativeIds(const DocumentTable& table, const std::vector<Outcome>& outcome,
                                     const SketchReader& sketches, std::uint64_t max_id_bytes)
    : table_(table), sketches_(sketches), slot_(outcome.size(), kNotHeld) {
  // Marked first, then read in document order, which is the sketches' file order.
  constexpr std::uint64_t kNamed = kNotHeld - 1;
  for (std::uint32_t i = 0; i < outcome.size(); ++i)
    if (outcome[i].representative != i) slot_[outcome[i].representative] = kNamed;
  // The bound reserved at once: growing by doubling could hold up to twice the ids. Only the
  // pages written become resident.
  ids_.reserve(static_cast<std::size_t>(std::min(max_id_bytes, kMaxHeldBytes)));
  std::string id;
  bool full = false;  // the rest are read when asked for
  for (std::uint32_t r = 0; r < slot_.size(); ++r) {
    if (slot_[r] != kNamed) continue;
    slot_[r] = kNotHeld;
    if (full) continue;
    sketches_.read_id(table_.sketch_offsets[r], id);
    if (id.size() > kMaxHeldIdBytes) continue;
    full = ids_.size() + id.size() > std::min(max_id_bytes, kMaxHeldBytes);
    if (full) continue;
    slot_[r] = ids_.size() << kLengthBits | id.size();
    ids_ += id;
  }
}

std::string_view RepresentativeIds::id(std::uint32_t representative, std::string& scratch) const {
  const std::uint64_t slot = slot_[representative];
  if (slot != kNotHeld) return std::string_view(ids_).substr(slot >> kLengthBits, slot & kMaxHeldIdBytes);
  sketches_.read_id(table_.sketch_offsets[representative], scratch);
  return scratch;
}

}  // namespace newsdedup
