#include "clean/furniture_memo.h"

#include <xxhash.h>

#include <cstdint>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

constexpr std::size_t kSlots = std::size_t{1} << 16;

struct Slot {
  std::uint64_t hash = 0;
  std::uint32_t length = 0;
  bool filled = false;
  bool furniture = false;
  RemovalReason reason = RemovalReason::kNavigation;  // when `furniture`
};

}  // namespace

std::optional<RemovalReason> remembered_furniture(const LineShape& line, std::string_view text) {
  // A paragraph with no words, or too many for any rule, is told at once: not worth a slot.
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return classify_furniture(line, text);
  thread_local std::vector<Slot> slots(kSlots);
  const std::uint64_t hash = XXH3_64bits(text.data(), text.size());
  Slot& slot = slots[hash & (kSlots - 1)];
  if (slot.filled && slot.hash == hash && slot.length == text.size())
    return slot.furniture ? std::optional(slot.reason) : std::nullopt;
  const std::optional<RemovalReason> verdict = classify_furniture(line, text);
  slot = {hash, static_cast<std::uint32_t>(text.size()), true, verdict.has_value(), verdict.value_or(RemovalReason::kNavigation)};
  return verdict;
}

}  // namespace newsdedup
