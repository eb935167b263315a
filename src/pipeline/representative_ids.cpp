#include "pipeline/representative_ids.h"

namespace newsdedup {

RepresentativeIds::RepresentativeIds(const DocumentTable& table, const std::vector<Outcome>& outcome,
                                     const SketchReader& sketches, std::uint64_t max_id_bytes)
    : table_(table), sketches_(sketches), slot_(outcome.size(), kNotHeld) {
  // Marked first, then read in document order, which is the sketches' file order.
  constexpr std::uint32_t kNamed = kNotHeld - 1;
  for (std::uint32_t i = 0; i < outcome.size(); ++i)
    if (outcome[i].representative != i) slot_[outcome[i].representative] = kNamed;
  std::string id;
  bool full = false;  // the rest are read when asked for
  for (std::uint32_t r = 0; r < slot_.size(); ++r) {
    if (slot_[r] != kNamed) continue;
    slot_[r] = kNotHeld;
    if (full) continue;
    sketches_.read_id(table_.sketch_offsets[r], id);
    full = ids_.size() + id.size() > max_id_bytes;
    if (full) continue;
    if (starts_.empty()) starts_.push_back(0);
    slot_[r] = static_cast<std::uint32_t>(starts_.size() - 1);
    ids_ += id;
    starts_.push_back(ids_.size());
  }
}

std::string_view RepresentativeIds::id(std::uint32_t representative, std::string& scratch) const {
  const std::uint32_t slot = slot_[representative];
  if (slot != kNotHeld)
    return std::string_view(ids_).substr(static_cast<std::size_t>(starts_[slot]),
                                         static_cast<std::size_t>(starts_[slot + 1] - starts_[slot]));
  sketches_.read_id(table_.sketch_offsets[representative], scratch);
  return scratch;
}

}  // namespace newsdedup
