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

std::vector<Slot>& thread_slots() {
  thread_local std::vector<Slot> slots(kSlots);
  return slots;
}

// A paragraph with no words, or too many for any rule, is no furniture: not worth a slot. A long
// paragraph is rarely seen twice, and the few rules for it cost less than its hash.
bool is_remembered(const LineShape& line) {
  return line.word_count() > 0 && line.word_count() <= kMaxPhraseRuleWords;
}

std::uint64_t text_hash(std::string_view text) { return XXH3_64bits(text.data(), text.size()); }

std::optional<RemovalReason> recall(std::vector<Slot>& slots, std::uint64_t hash, const LineShape& line,
                                    std::string_view text) {
  Slot& slot = slots[hash & (kSlots - 1)];
  if (slot.length == text.size() && slot.hash == hash) return slot.verdict;
  slot = {hash, static_cast<std::uint32_t>(text.size()), classify_furniture(line, text)};
  return slot.verdict;
}

std::optional<RemovalReason> unremembered_furniture(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return std::nullopt;
  return classify_furniture(line, text);
}

}  // namespace

std::optional<RemovalReason> remembered_furniture(const LineShape& line, std::string_view text) {
  if (!is_remembered(line)) return unremembered_furniture(line, text);
  return recall(thread_slots(), text_hash(text), line, text);
}

void remembered_furniture(std::span<const LineShape> shapes, std::span<const Paragraph> paragraphs,
                          std::span<std::optional<RemovalReason>> verdicts) {
  std::vector<Slot>& slots = thread_slots();
  thread_local std::vector<std::uint64_t> hashes;
  hashes.resize(paragraphs.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (!is_remembered(shapes[i])) continue;
    hashes[i] = text_hash(paragraphs[i].text);
    __builtin_prefetch(&slots[hashes[i] & (kSlots - 1)]);
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    verdicts[i] = is_remembered(shapes[i]) ? recall(slots, hashes[i], shapes[i], paragraphs[i].text)
                                           : unremembered_furniture(shapes[i], paragraphs[i].text);
}

}  // namespace newsdedup
