#include "clean/repetition.h"

#include <xxhash.h>

#include <algorithm>
#include <memory_resource>
#include <span>
#include <utility>

#include "clean/stack_arena.h"

namespace newsdedup {
namespace {

constexpr std::size_t kLongParagraphWords = 6;
constexpr std::size_t kMinShortRun = 2;

// The paragraph's words in order, as one key (case and punctuation are already out of them),
// from their hashes.
std::uint64_t word_key(std::span<const std::uint64_t> word_hashes) {
  std::uint64_t key = word_hashes.size();
  for (const std::uint64_t h : word_hashes) key = (key ^ h) * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
  return XXH3_64bits(&key, sizeof key);
}

// Windows of this many words are hashed; one in kSampleEvery (chosen by the hash, so by the
// words) is indexed. A run of kMinRepeatedRunWords words holds 13 windows: the chance that none
// of them is sampled is (3/4)^13, about 2%, and a longer run is found even more surely.
constexpr std::size_t kWindowWords = 8;
constexpr std::uint64_t kSampleEvery = 4;

struct WindowEntry {
  std::uint64_t hash = 0;
  std::uint32_t generation = 0;  // the entry is live only for the call that wrote it
  std::uint32_t paragraph = 0;   // position among the candidates
  std::uint32_t word = 0;
};

// Buffers reused from call to call, so that looking costs no allocation: the window index is an
// open-addressing table whose entries expire with the call (no clearing).
struct RunScratch {
  std::vector<WindowEntry> table;
  std::uint32_t generation = 0;
  std::vector<char> repeated;
  std::vector<std::uint32_t> source;
};

}  // namespace

std::vector<RepeatedParagraph> find_repeated_copies(std::span<const LineShape> shapes,
                                                    const std::vector<std::size_t>& candidates) {
  StackArena<8192> arena;  // keys and copies of a page's worth of paragraphs without the heap
  // (key, candidate position) sorted by key: equal keys sit together, the first copy first.
  std::pmr::vector<std::pair<std::uint64_t, std::size_t>> keys(arena.resource());
  keys.reserve(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (shapes[candidates[k]].word_count() > 0) keys.emplace_back(word_key(shapes[candidates[k]].word_hashes), k);
  std::sort(keys.begin(), keys.end());
  std::pmr::vector<std::size_t> copy_of(candidates.size(), SIZE_MAX, arena.resource());
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first != keys[i - 1].first) continue;
    const std::size_t first = copy_of[keys[i - 1].second] == SIZE_MAX ? candidates[keys[i - 1].second]
                                                                      : copy_of[keys[i - 1].second];
    copy_of[keys[i].second] = first;
  }
  std::vector<RepeatedParagraph> out;
  for (std::size_t k = 0; k < candidates.size();) {
    if (copy_of[k] == SIZE_MAX) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < candidates.size() && copy_of[end] != SIZE_MAX) ++end;
    const bool run = end - k >= kMinShortRun;
    for (std::size_t j = k; j < end; ++j)
      if (run || shapes[candidates[j]].word_count() >= kLongParagraphWords) out.push_back({candidates[j], copy_of[j]});
    k = end;
  }
  return out;
}

std::vector<RepeatedRun> find_repeated_runs(std::span<const LineShape> shapes,
                                            const std::vector<std::size_t>& candidates) {
  std::vector<RepeatedRun> runs;
  std::size_t total_words = 0;
  for (std::size_t index : candidates) total_words += shapes[index].word_count();
  if (total_words < 2 * kMinRepeatedRunWords) return runs;

  thread_local RunScratch scratch;
  std::size_t capacity = 64;
  while (capacity < total_words / 2) capacity *= 2;  // twice the sampled windows
  if (scratch.table.size() < capacity || ++scratch.generation == 0) {
    scratch.table.assign(std::max(capacity, scratch.table.size()), WindowEntry{});
    scratch.generation = 1;
  }
  const std::size_t mask = scratch.table.size() - 1;
  const std::uint32_t generation = scratch.generation;
  constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;
  std::uint64_t base_power = 1;  // kBase^(kWindowWords-1)
  for (std::size_t i = 1; i < kWindowWords; ++i) base_power *= kBase;

  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const auto& words = shapes[candidates[k]].words;
    const std::size_t n = words.size();
    if (n < kWindowWords) continue;
    const std::vector<std::uint64_t>& hashes = shapes[candidates[k]].word_hashes;
    auto& repeated = scratch.repeated;
    auto& source = scratch.source;
    repeated.assign(n, 0);
    source.assign(n, 0);
    std::uint64_t window = 0;
    std::size_t covered_until = 0;  // words before this are already part of a found run
    for (std::size_t i = 0; i < n; ++i) {
      if (i >= kWindowWords) window -= hashes[i - kWindowWords] * base_power;
      window = window * kBase + hashes[i];
      if (i + 1 < kWindowWords) continue;
      const std::size_t p = i + 1 - kWindowWords;  // the window's first word
      const std::uint64_t h = window ^ (window >> 29);
      if (h % kSampleEvery != 0 || p < covered_until) continue;
      std::size_t slot = (h >> 2) & mask;
      while (scratch.table[slot].generation == generation && scratch.table[slot].hash != h) slot = (slot + 1) & mask;
      WindowEntry& entry = scratch.table[slot];
      if (entry.generation != generation) {
        entry = {h, generation, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(p)};
        continue;
      }
      // The earlier copy: its words must really match (not merely their hash), and inside one
      // paragraph it must end before this one starts.
      const auto& earlier = shapes[candidates[entry.paragraph]].words;
      const std::size_t q = entry.word;
      const bool same = entry.paragraph == k;
      if (same && q + kWindowWords > p) continue;
      if (!std::equal(words.begin() + static_cast<std::ptrdiff_t>(p), words.begin() + static_cast<std::ptrdiff_t>(p + kWindowWords),
                      earlier.begin() + static_cast<std::ptrdiff_t>(q)))
        continue;
      std::size_t left = 0;
      while (p - left > covered_until && q > left && words[p - left - 1] == earlier[q - left - 1]) ++left;
      std::size_t right = kWindowWords;
      while (p + right < n && q + right < earlier.size() && (!same || q + right < p - left) &&
             words[p + right] == earlier[q + right])
        ++right;
      for (std::size_t w = p - left; w < p + right; ++w) {
        repeated[w] = 1;
        source[w] = entry.paragraph;
      }
      covered_until = p + right;
    }
    const char* base = shapes[candidates[k]].lower.data();
    const std::size_t text_size = shapes[candidates[k]].lower.size();
    for (std::size_t w = 0; w < n;) {
      if (!repeated[w]) {
        ++w;
        continue;
      }
      std::size_t end = w;
      while (end < n && repeated[end]) ++end;
      if (end - w >= kMinRepeatedRunWords) {
        // The run takes the punctuation and space after its last word with it.
        const std::size_t begin_byte = static_cast<std::size_t>(words[w].data() - base);
        const std::size_t end_byte = end < n ? static_cast<std::size_t>(words[end].data() - base) : text_size;
        runs.push_back({candidates[k], candidates[source[w]], begin_byte, end_byte, w, end});
      }
      w = end;
    }
  }
  return runs;
}

}  // namespace newsdedup
