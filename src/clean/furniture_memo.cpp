#include "clean/furniture_memo.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

constexpr std::size_t kSlots = std::size_t{1} << 16;

// Paragraphs of up to this many bytes are looked up before they are described (PageFurniture).
// Furniture is short (on seed 11, no paragraph the memo knew as furniture was longer than 192
// bytes), and a longer paragraph of at most kMaxPhraseRuleWords words is looked up once described.
constexpr std::size_t kEarlyLookupBytes = 256;

}  // namespace

struct PageFurniture::Slot {
  std::uint64_t hash = 0;
  std::uint32_t length = 0;  // 0: empty (every text kept has a word)
  std::optional<RemovalReason> verdict;
  std::uint8_t word_count = 0;  // of the text (at most kMaxPhraseRuleWords)
};

namespace {

using Slot = PageFurniture::Slot;
static_assert(kMaxPhraseRuleWords <= 0xFF);
static_assert(sizeof(Slot) == 16);  // 65,536 of them in 1 MiB

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

std::optional<RemovalReason> recall(Slot* slots, std::uint64_t hash, const LineShape& line,
                                    std::string_view text) {
  Slot& slot = slots[hash & (kSlots - 1)];
  if (slot.length == text.size() && slot.hash == hash) return slot.verdict;
  slot = {hash, static_cast<std::uint32_t>(text.size()), classify_furniture(line, text),
          static_cast<std::uint8_t>(line.word_count())};
  return slot.verdict;
}

std::optional<RemovalReason> unremembered_furniture(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return std::nullopt;
  return classify_furniture(line, text);
}

}  // namespace

std::optional<RemovalReason> remembered_furniture(const LineShape& line, std::string_view text) {
  if (!is_remembered(line)) return unremembered_furniture(line, text);
  return recall(thread_slots().data(), text_hash(text), line, text);
}

void remembered_furniture(std::span<const LineShape> shapes, std::span<const Paragraph> paragraphs,
                          std::span<std::optional<RemovalReason>> verdicts) {
  PageFurniture page(paragraphs);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) verdicts[i] = page.verdict(i, shapes[i]);
}

PageFurniture::PageFurniture(std::span<const Paragraph> paragraphs)
    : paragraphs_(paragraphs), slots_(thread_slots().data()) {
  thread_local std::vector<std::uint64_t> hashes;
  if (hashes.size() < paragraphs.size()) hashes.resize(paragraphs.size());
  hashes_ = {hashes.data(), paragraphs.size()};
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (paragraphs[i].text.size() > kEarlyLookupBytes) continue;
    hashes_[i] = text_hash(paragraphs[i].text);
    __builtin_prefetch(&slots_[hashes_[i] & (kSlots - 1)]);
  }
}

std::optional<KnownFurniture> PageFurniture::known_furniture(std::size_t i) const {
  const std::string_view text = paragraphs_[i].text;
  if (text.size() > kEarlyLookupBytes) return std::nullopt;
  const Slot& slot = slots_[hashes_[i] & (kSlots - 1)];
  if (slot.length != text.size() || slot.hash != hashes_[i] || !slot.verdict) return std::nullopt;
  return KnownFurniture{*slot.verdict, slot.word_count};
}

std::optional<RemovalReason> PageFurniture::verdict(std::size_t i, const LineShape& shape) {
  const std::string_view text = paragraphs_[i].text;
  if (!is_remembered(shape)) return unremembered_furniture(shape, text);
  return recall(slots_, text.size() > kEarlyLookupBytes ? text_hash(text) : hashes_[i], shape, text);
}

}  // namespace newsdedup
