#include "clean/repetition.h"

#include <xxhash.h>

#include <algorithm>
#include <string>
#include <utility>

namespace newsdedup {
namespace {

constexpr std::size_t kLongParagraphWords = 6;
constexpr std::size_t kMinShortRun = 2;

// FNV-1a over the bytes of one word.
std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

// The paragraph's words in order, as one key (case and punctuation are already out of them).
std::uint64_t word_key(const LineShape& shape) {
  std::uint64_t key = shape.word_count();
  for (std::string_view word : shape.words) key = (key ^ word_hash(word)) * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
  return XXH3_64bits(&key, sizeof key);
}

// A window of kMinRepeatedSpanWords consecutive words, by the hash of its words.
struct Window {
  std::uint64_t hash;
  std::uint32_t position;
};

// Buffers reused from paragraph to paragraph, so that looking costs no allocation.
struct SpanScratch {
  std::vector<std::uint64_t> word_hashes;
  std::vector<Window> windows;
  std::vector<Window> sorted;
  std::vector<std::uint32_t> earliest;
  std::vector<char> repeated;
};

}  // namespace

std::vector<RepeatedParagraph> find_repeated_copies(const std::vector<LineShape>& shapes,
                                                    const std::vector<std::size_t>& candidates) {
  // (key, candidate position) sorted by key: equal keys sit together, the first copy first.
  std::vector<std::pair<std::uint64_t, std::size_t>> keys;
  keys.reserve(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (shapes[candidates[k]].word_count() > 0) keys.emplace_back(word_key(shapes[candidates[k]]), k);
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> copy_of(candidates.size(), SIZE_MAX);
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

std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes, const std::vector<std::size_t>& candidates) {
  std::vector<std::size_t> out;
  for (const RepeatedParagraph& copy : find_repeated_copies(shapes, candidates)) out.push_back(copy.index);
  return out;
}

std::vector<RepeatedSpan> find_repeated_spans(const LineShape& paragraph) {
  constexpr std::size_t k = kMinRepeatedSpanWords;
  const auto& words = paragraph.words;
  std::vector<RepeatedSpan> spans;
  if (words.size() < 2 * k) return spans;
  // Hash every window of k words (a polynomial over the words' hashes, rolled along).
  constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;
  std::uint64_t base_power = 1;  // kBase^(k-1)
  for (std::size_t i = 1; i < k; ++i) base_power *= kBase;
  thread_local SpanScratch scratch;
  auto& word_hashes = scratch.word_hashes;
  auto& windows = scratch.windows;
  word_hashes.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) word_hashes[i] = word_hash(words[i]);
  windows.clear();
  std::uint64_t hash = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i >= k) hash -= word_hashes[i - k] * base_power;
    hash = hash * kBase + word_hashes[i];
    if (i + 1 >= k) windows.push_back({hash, static_cast<std::uint32_t>(i + 1 - k)});
  }
  // The earliest position of each window's words.
  auto& sorted = scratch.sorted;
  sorted.assign(windows.begin(), windows.end());
  std::sort(sorted.begin(), sorted.end(), [](const Window& a, const Window& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.position < b.position;
  });
  auto& earliest = scratch.earliest;
  earliest.resize(windows.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const bool same_as_previous = i > 0 && sorted[i].hash == sorted[i - 1].hash;
    earliest[sorted[i].position] = same_as_previous ? earliest[sorted[i - 1].position] : sorted[i].position;
  }
  // A word is a repeat when a window holding it appeared before, without overlapping itself,
  // and the words really are the same (not merely their hash).
  auto& repeated = scratch.repeated;
  repeated.assign(words.size(), 0);
  for (std::size_t p = 0; p < windows.size(); ++p) {
    const std::size_t first = earliest[p];
    if (first + k > p) continue;
    if (!std::equal(words.begin() + static_cast<std::ptrdiff_t>(first),
                    words.begin() + static_cast<std::ptrdiff_t>(first + k),
                    words.begin() + static_cast<std::ptrdiff_t>(p)))
      continue;
    std::fill(repeated.begin() + static_cast<std::ptrdiff_t>(p), repeated.begin() + static_cast<std::ptrdiff_t>(p + k), 1);
  }
  const char* base = paragraph.lower.data();
  for (std::size_t i = 0; i < words.size();) {
    if (!repeated[i]) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < words.size() && repeated[end]) ++end;
    // The copy runs from its first word to the end of its last one, or to the next word (so
    // the punctuation and space after it go too).
    const std::size_t begin = static_cast<std::size_t>(words[i].data() - base);
    const std::size_t stop = end < words.size() ? static_cast<std::size_t>(words[end].data() - base)
                                                : paragraph.lower.size();
    spans.push_back({begin, stop});
    i = end;
  }
  return spans;
}

}  // namespace newsdedup
