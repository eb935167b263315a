#include "io/id_registry.h"

#include <xxhash.h>

namespace newsdedup {
namespace {

constexpr std::size_t kInitialSlots = 1024;  // a power of two

}  // namespace

std::uint64_t IdRegistry::default_hash(std::string_view id) { return XXH3_64bits(id.data(), id.size()); }

double IdRegistry::bytes_per_id() const {
  const double bytes = static_cast<double>(slots_.capacity() * sizeof(Slot));
  return size_ == 0 ? bytes : bytes / static_cast<double>(size_);
}

std::size_t IdRegistry::find(std::string_view id, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.handle == 0) return i;
    if (slot.hash != hash) continue;
    // Equal hashes: the same id, or a collision between different ids. Only the strings can
    // tell; a collision just moves on to the next slot.
    strings_.read(slot.handle - 1, scratch_);
    if (scratch_ == id) return i;
  }
}

void IdRegistry::insert_at(std::size_t slot, std::uint64_t hash, std::string_view id, std::string_view source) {
  const std::uint64_t handle = strings_.append(id);
  strings_.append(source);
  slots_[slot] = {hash, handle + 1};
  ++size_;
}

void IdRegistry::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? kInitialSlots : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.handle == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].handle != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::optional<IdRegistry::Renamed> IdRegistry::claim(std::string_view id, std::string_view source) {
  // Room for this id and, if it is taken, its new name.
  if ((size_ + 2) * 4 > slots_.size() * 3) grow();
  const std::uint64_t hash = hash_(id);
  const std::size_t slot = find(id, hash);
  if (slots_[slot].handle == 0) {
    insert_at(slot, hash, id, source);
    return std::nullopt;
  }

  const std::uint64_t original = slots_[slot].handle - 1;
  Renamed renamed;
  strings_.read(original + sizeof(std::uint32_t) + id.size(), renamed.first_source);
  const auto next = next_suffix_.try_emplace(original, 2).first;
  for (;; ++next->second) {
    renamed.id.assign(id);
    renamed.id += '#';
    renamed.id += std::to_string(next->second);
    const std::uint64_t new_hash = hash_(renamed.id);
    const std::size_t free = find(renamed.id, new_hash);
    if (slots_[free].handle != 0) continue;  // that name is someone's already
    insert_at(free, new_hash, renamed.id, source);
    ++next->second;
    return renamed;
  }
}

}  // namespace newsdedup
