#include "clean/furniture_memo.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdint>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

// 524,288 slots of 8 bytes: 4 MiB a thread. On seed 11 (one thread), a table of 65,536 slots
// missed 408 K of 885 K lookups, 262,144 slots 273 K, 524,288 slots 241 K: most paragraphs seen
// before had been pushed out of the smaller ones by others, and each miss costs
// classify_furniture() (some 900 instructions) or, for furniture, a full description instead of
// a light one (seed 11: 30 M instructions fewer with 524,288 slots than with 262,144, of 7.0 G;
// the table's lines are missed in cache either way).
constexpr unsigned kSlotBits = 19;
constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;

// Paragraphs of up to this many bytes are looked up before they are described (PageFurniture).
// Furniture is short (on seed 11, no paragraph the memo knew as furniture was longer than 192
// bytes), and a longer paragraph of at most kMaxPhraseRuleWords words is looked up once described.
constexpr std::size_t kEarlyLookupBytes = 256;

// A slot is one word: the text hash's bits from 16 up (which, with the slot's index, its low
// bits, are all of the hash), then a byte for the verdict (0: none, else 1 + the reason, whose
// values are far below 255) and a byte for the text's word count (0: an empty slot, since every
// text kept has a word). Half the size of a slot with the text's length besides its hash: twice
// the slots in the same memory.
using Slot = std::uint64_t;
constexpr std::uint64_t kTagBits = ~std::uint64_t{0xFFFF};
static_assert(kSlotBits >= 16);
static_assert(kMaxPhraseRuleWords <= 0xFF);

Slot make_slot(std::uint64_t hash, std::optional<RemovalReason> verdict, std::size_t word_count) {
  const std::uint64_t verdict_byte = verdict ? 1 + static_cast<std::uint64_t>(*verdict) : 0;
  return (hash & kTagBits) | (verdict_byte << 8) | word_count;
}

bool holds(Slot slot, std::uint64_t hash) { return ((slot ^ hash) & kTagBits) == 0 && (slot & 0xFF) != 0; }

std::optional<RemovalReason> verdict_in(Slot slot) {
  const auto verdict_byte = static_cast<unsigned>((slot >> 8) & 0xFF);
  if (verdict_byte == 0) return std::nullopt;
  return static_cast<RemovalReason>(verdict_byte - 1);
}

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
  if (holds(slot, hash)) return verdict_in(slot);
  const std::optional<RemovalReason> verdict = classify_furniture(line, text);
  slot = make_slot(hash, verdict, line.word_count());
  return verdict;
}

std::optional<RemovalReason> unremembered_furniture(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return std::nullopt;
  return classify_furniture(line, text);
}

}  // namespace

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
  const Slot slot = slots_[hashes_[i] & (kSlots - 1)];
  const std::optional<RemovalReason> verdict = verdict_in(slot);
  if (!verdict || !holds(slot, hashes_[i])) return std::nullopt;
  return KnownFurniture{*verdict, static_cast<std::size_t>(slot & 0xFF)};
}

std::optional<RemovalReason> PageFurniture::verdict(std::size_t i, const LineShape& shape) {
  const std::string_view text = paragraphs_[i].text;
  if (!is_remembered(shape)) return unremembered_furniture(shape, text);
  return recall(slots_, text.size() > kEarlyLookupBytes ? text_hash(text) : hashes_[i], shape, text);
}

}  // namespace newsdedup
