#include "clean/furniture_memo.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

constexpr std::size_t kSlots = std::size_t{1} << 16;

struct Slot {
  std::uint64_t hash = 0;
  std::uint32_t length = 0;  // 0: empty (every text kept has a word)
  std::optional<RemovalReason> verdict;
};

}  // namespace

std::optional<RemovalReason> remembered_furniture(const LineShape& line, std::string_view text) {
  // A paragraph with no words, or too many for any rule, is no furniture: not worth a slot.
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return std::nullopt;
  // A long paragraph is rarely seen twice, and the few rules for it cost less than its hash.
  if (line.word_count() > kMaxPhraseRuleWords) return classify_furniture(line, text);
  thread_local std::vector<Slot> slots(kSlots);
  const std::uint64_t hash = XXH3_64bits(text.data(), text.size());
  Slot& slot = slots[hash & (kSlots - 1)];
  if (slot.length == text.size() && slot.hash == hash) return slot.verdict;
  slot = {hash, static_cast<std::uint32_t>(text.size()), classify_furniture(line, text)};
  return slot.verdict;
}

}  // namespace newsdedup
