#include "clean/repetition.h"

#include <algorithm>
#include <bit>
#include <memory_resource>
#include <span>

#include "clean/stack_arena.h"

namespace newsdedup {
namespace {

constexpr std::size_t kLongParagraphWords = 6;
constexpr std::size_t kMinShortRun = 2;

// What paragraphs that hold the same words share: their word count and first and last words
// (case and punctuation are already out of them), from their hashes. Paragraphs that share it
// are compared word by word; most paragraphs share it with none.
std::uint64_t sketch_key(std::span<const std::uint64_t> word_hashes) {
  return (word_hashes.front() ^ (word_hashes.back() * 0x9E3779B97F4A7C15ull)) + word_hashes.size() * 0x632BE59BD9B4E019ull;
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
};

// The search of one page: the window index, and the run being built in the current paragraph.
// Matches are looked for only at sampled windows (a quarter of them), out of line, so that the
// loop over every window keeps its few values in registers.
class RunFinder {
 public:
  RunFinder(std::span<const LineShape> shapes, std::span<const std::size_t> candidates, RunScratch& scratch,
            std::vector<RepeatedRun>& runs)
      : shapes_(shapes),
        candidates_(candidates),
        table_(scratch.table.data()),
        mask_(scratch.table.size() - 1),
        generation_(scratch.generation),
        runs_(runs) {}

  void start_paragraph(std::size_t k) {
    k_ = k;
    shape_ = &shapes_[candidates_[k]];
    run_begin_ = run_end_ = covered_until_ = 0;
  }

  // The window of kWindowWords words from word p of the current paragraph, whose hash h is
  // sampled: indexed when new, else matched against its earlier copy and extended to the whole
  // repeated stretch.
  void sample(std::uint64_t h, std::size_t p) {
    if (p < covered_until_) return;
    std::size_t slot = (h >> 2) & mask_;
    while (table_[slot].generation == generation_ && table_[slot].hash != h) slot = (slot + 1) & mask_;
    WindowEntry& entry = table_[slot];
    if (entry.generation != generation_) {
      entry = {h, generation_, static_cast<std::uint32_t>(k_), static_cast<std::uint32_t>(p)};
      return;
    }
    match(entry, p);
  }

  // Reports the run being built, if it is long enough (at a paragraph's end, or when a match does not
  // continue it).
  void close_run() {
    if (run_end_ - run_begin_ < kMinRepeatedRunWords) return;
    // The run takes the punctuation and space after its last word with it.
    const std::string_view* const words = shape_->words.data();
    const std::size_t n = shape_->words.size();
    const char* base = shape_->lower.data();
    const std::size_t begin_byte = static_cast<std::size_t>(words[run_begin_].data() - base);
    const std::size_t end_byte = run_end_ < n ? static_cast<std::size_t>(words[run_end_].data() - base) : shape_->lower.size();
    runs_.push_back({candidates_[k_], candidates_[run_source_], begin_byte, end_byte, run_begin_, run_end_});
  }

 private:
  // The window at p has the hash of an earlier one (`entry`): a repeated stretch when their
  // words match (out of line: most windows are new).
  [[gnu::noinline]] void match(const WindowEntry& entry, std::size_t p) {
    // The earlier copy: its words must really match (not merely their hash), and inside one
    // paragraph it must end before this one starts.
    const std::string_view* const words = shape_->words.data();
    const std::size_t n = shape_->words.size();
    const LineShape& earlier_shape = shapes_[candidates_[entry.paragraph]];
    const std::string_view* const earlier = earlier_shape.words.data();
    const std::size_t earlier_size = earlier_shape.words.size();
    const std::size_t q = entry.word;
    const bool same = entry.paragraph == k_;
    if (same && q + kWindowWords > p) return;
    if (!std::equal(words + p, words + p + kWindowWords, earlier + q)) return;
    std::size_t left = 0;
    while (p - left > covered_until_ && q > left && words[p - left - 1] == earlier[q - left - 1]) ++left;
    std::size_t right = kWindowWords;
    while (p + right < n && q + right < earlier_size && (!same || q + right < p - left) &&
           words[p + right] == earlier[q + right])
      ++right;
    // The matches are disjoint and in order (each starts at or after the end of the one before):
    // a run is a chain of matches that touch, reported once one that does not touch it (or the
    // paragraph's end) closes it.
    if (run_end_ != run_begin_ && run_end_ == p - left) {
      run_end_ = p + right;
    } else {
      close_run();
      run_begin_ = p - left;
      run_end_ = p + right;
      run_source_ = entry.paragraph;
    }
    covered_until_ = p + right;  // words before this are already part of a found run
  }

  std::span<const LineShape> shapes_;
  std::span<const std::size_t> candidates_;
  WindowEntry* table_;
  std::size_t mask_;
  std::uint32_t generation_;
  std::vector<RepeatedRun>& runs_;
  std::size_t k_ = 0;  // the current paragraph's position among the candidates
  const LineShape* shape_ = nullptr;
  std::size_t run_begin_ = 0;
  std::size_t run_end_ = 0;  // run_begin_ == run_end_: no run open
  std::size_t run_source_ = 0;
  std::size_t covered_until_ = 0;
};

}  // namespace

std::vector<RepeatedParagraph> find_repeated_copies(std::span<const LineShape> shapes,
                                                    std::span<const std::size_t> candidates) {
  StackArena<8192> arena;  // keys and copies of a page's worth of paragraphs without the heap
  // Each key holds a paragraph's sketch_key() in its high bits and its position among the
  // candidates in the low ones: sorted, the paragraphs that may be copies of each other sit
  // together, in page order.
  const std::uint64_t position_bits = std::bit_ceil(std::max<std::size_t>(candidates.size(), 2)) - 1;
  std::pmr::vector<std::uint64_t> keys(arena.resource());
  keys.reserve(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (shapes[candidates[k]].word_count() > 0)
      keys.push_back((sketch_key(shapes[candidates[k]].word_hashes) & ~position_bits) | k);
  std::sort(keys.begin(), keys.end());
  // A later paragraph with the same words as an earlier one copies the first of them: that is
  // the first earlier one of its group that holds its words.
  std::pmr::vector<std::size_t> copy_of(candidates.size(), SIZE_MAX, arena.resource());
  for (std::size_t group = 0; group < keys.size();) {
    std::size_t end = group + 1;
    while (end < keys.size() && ((keys[end] ^ keys[group]) & ~position_bits) == 0) ++end;
    for (std::size_t later = group + 1; later < end; ++later) {
      const std::size_t k = keys[later] & position_bits;
      for (std::size_t earlier = group; earlier < later; ++earlier) {
        const std::size_t j = keys[earlier] & position_bits;
        if (!std::ranges::equal(shapes[candidates[j]].word_hashes, shapes[candidates[k]].word_hashes)) continue;
        copy_of[k] = copy_of[j] == SIZE_MAX ? candidates[j] : copy_of[j];
        break;
      }
    }
    group = end;
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
                                            std::span<const std::size_t> candidates) {
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
  RunFinder finder(shapes, candidates, scratch, runs);
  constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;
  constexpr std::uint64_t kBasePower = [] {  // kBase^(kWindowWords-1)
    std::uint64_t power = 1;
    for (std::size_t i = 1; i < kWindowWords; ++i) power *= kBase;
    return power;
  }();
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const LineShape& shape = shapes[candidates[k]];
    const std::size_t n = shape.word_count();
    if (n < kWindowWords) continue;
    const std::uint64_t* const hashes = shape.word_hashes.data();
    finder.start_paragraph(k);
    std::uint64_t window = 0;
    for (std::size_t i = 0; i + 1 < kWindowWords; ++i) window = window * kBase + hashes[i];
    for (std::size_t i = kWindowWords - 1; i < n; ++i) {
      window = window * kBase + hashes[i];
      const std::uint64_t h = window ^ (window >> 29);
      const std::size_t p = i + 1 - kWindowWords;  // the window's first word
      window -= hashes[p] * kBasePower;  // leaves the next window's first kWindowWords-1 words
      if (h % kSampleEvery == 0) finder.sample(h, p);
    }
    finder.close_run();
  }
  return runs;
}

}  // namespace newsdedup
