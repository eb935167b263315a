#include "dedup/shingles.h"

// Inlined: a figure is a few bytes, where a call into the library costs as much as the hash,
// and the exact hash of a body's word hashes took a third fewer instructions inlined (SSE2)
// than through the shared library.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <span>
#include <utility>

#include "text/byte_blocks.h"
#include "text/dateline.h"
#include "text/word_tokens.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// GCC's hint to unroll a loop four times. Clang takes the same pragma but, where it cannot follow it
// (as under the fuzz build's sanitizers), warns, which -Werror makes an error; it is left to clang.
#if defined(__GNUC__) && !defined(__clang__)
#define NEWSDEDUP_UNROLL_4 _Pragma("GCC unroll 4")
#else
#define NEWSDEDUP_UNROLL_4
#endif

namespace newsdedup {
namespace {

std::uint64_t mix64(std::uint64_t x) {  // MurmurHash3's finaliser
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The shingle of the k words at `words`.
inline std::uint64_t gram_hash(const std::uint64_t* words, std::size_t k) {
  std::uint64_t h = 0;
  for (std::size_t j = 0; j < k; ++j) h = (h ^ words[j]) * 0x9E3779B97F4A7C15ULL + j;
  return mix64(h);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A paragraph wholly in parentheses is an editorial note ("(Updates with details in
// paragraph 5)", "(Corrects figure in paragraph 3)"): it varies between copies of one story.
bool is_editorial_note(std::string_view paragraph) {
  return paragraph.size() >= 2 && paragraph.front() == '(' && paragraph.back() == ')' &&
         paragraph.find(')') == paragraph.size() - 1;
}

// A figure is a run of digits, possibly with separators between digits ("2,877,000", "11.1").
// Its hash is the top half of XXH3's: figures are only compared, never MinHashed.
void add_figure(std::string_view text, std::size_t start, std::size_t end, std::vector<std::uint32_t>& out) {
  out.push_back(static_cast<std::uint32_t>(XXH3_64bits(text.data() + start, end - start) >> 32));
}

// The end of a figure whose first run of digits ends at `digits_end`: on over each separator
// that stands between two digits, and the digits after it.
std::size_t figure_end(std::string_view text, std::size_t digits_end) {
  std::size_t end = digits_end;
  while (end + 1 < text.size() && (text[end] == ',' || text[end] == '.') && is_digit(text[end + 1])) {
    end += 2;
    while (end < text.size() && is_digit(text[end])) ++end;
  }
  return end;
}

// The figures of text.substr(begin) (no figure crosses `begin`), from the masks of the text's
// digits (digit_masks(), or the tokenizer's, which classifies every byte anyway): figures are
// sparse, and a figure's first digits are a run of the masks' bits. (Looking for each figure's
// first digit from the end of the one before scanned its block again, through a call.)
void collect_figures(std::string_view text, std::size_t begin, const std::uint64_t* masks,
                     std::vector<std::uint32_t>& out) {
  if (begin >= text.size()) return;
  std::size_t base = begin & ~std::size_t{63};
  std::uint64_t digits = masks[base / 64] & (~std::uint64_t{0} << (begin - base));  // those at or after the scan
  for (;;) {
    while (digits == 0) {
      base += 64;
      if (base >= text.size()) return;
      digits = masks[base / 64];
    }
    const auto offset = static_cast<unsigned>(std::countr_zero(digits));
    const std::size_t start = base + offset;
    // The run of digits from `start`, to the block's end at most; a run that reaches it goes on
    // a byte at a time (the bits past the text are clear).
    std::size_t digits_end = start + static_cast<std::size_t>(std::countr_zero(~(digits >> offset)));
    if (digits_end - base == 64)
      while (digits_end < text.size() && is_digit(text[digits_end])) ++digits_end;
    const std::size_t end = figure_end(text, digits_end);
    add_figure(text, start, end, out);
    if (end - base >= 64) {
      base = end & ~std::size_t{63};
      if (base >= text.size()) return;
      digits = masks[base / 64];
    }
    digits &= ~std::uint64_t{0} << (end - base);
  }
}

// Puts the hashes of `sorted`, which are in order of their top bits, in order: hashes out of
// order are few and near their places, so an insertion sort moves few and its branches rarely
// go the other way. Returns whether two hashes are equal (they end up side by side, and an
// equal one stops next to its twin): most bodies repeat no shingle, and need no std::unique.
// A hash above the one before it, the usual case, is one compare (four a step, unrolled by the
// compiler: tighter than a pair tested by hand): an equal one is rare enough to take the other
// branch, where the repeat is noted.
bool insertion_sort(ShingleHashes& sorted) {
  if (sorted.size() < 2) return false;
  bool repeats = false;
  std::uint64_t* const first = sorted.data();
  std::uint64_t* const last = first + sorted.size();
  // Puts *at, not above the hash before it, in place among the hashes before it, which are in order.
  const auto place = [&](std::uint64_t* at) {
    const std::uint64_t h = *at;
    if (at[-1] == h) {
      repeats = true;
      return;
    }
    std::uint64_t* to = at;
    for (; to != first && to[-1] > h; --to) *to = to[-1];
    *to = h;
    repeats |= to != first && to[-1] == h;
  };
NEWSDEDUP_UNROLL_4
  for (std::uint64_t* at = first + 1; at != last; ++at) {
    if (at[-1] < at[0]) [[likely]]
      continue;
    place(at);
  }
  return repeats;
}

// How many of a list's hashes have each top byte; a count wraps beyond 65,535 hashes (then unused).
using DigitCounts = std::array<std::uint16_t, 256>;

// Zeroes `counts`: with SSE2 in 32 stores of 16 bytes, where the compiler's fill was 64 string
// stores of 8 (once a body).
void zero(DigitCounts& counts) {
#if defined(__SSE2__)
  store_blocks<sizeof(DigitCounts) / 16>(counts.data(), _mm_setzero_si128());
#else
  counts.fill(0);
#endif
}

// The start of each of 256 buckets in a list sorted by bucket, from the buckets' sizes (below
// 2^16): an exclusive prefix sum. With SSE2, eight 16-bit counts a step, where one a step was
// as many instructions as sorting a short body's hashes into their buckets.
void bucket_starts(DigitCounts& counts) {
#if defined(__SSE2__)
  __m128i carry = _mm_setzero_si128();  // the total of the buckets before, in every lane
NEWSDEDUP_UNROLL_4  // the loop's own count, compare and branch were 3 of 18 instructions a step
  for (std::size_t base = 0; base < counts.size(); base += 8) {
    auto* const at = reinterpret_cast<__m128i*>(counts.data() + base);
    const __m128i own = _mm_loadu_si128(at);
    __m128i sums = _mm_add_epi16(own, _mm_slli_si128(own, 2));
    sums = _mm_add_epi16(sums, _mm_slli_si128(sums, 4));
    sums = _mm_add_epi16(sums, _mm_slli_si128(sums, 8));  // inclusive sums within the eight
    sums = _mm_add_epi16(sums, carry);
    _mm_storeu_si128(at, _mm_sub_epi16(sums, own));
    carry = _mm_shuffle_epi32(_mm_shufflehi_epi16(sums, 0xFF), 0xFF);  // the last lane, everywhere
  }
#else
  std::uint16_t total = 0;
  for (std::uint16_t& count : counts) total = static_cast<std::uint16_t>(total + std::exchange(count, total));
#endif
}

// Sorts `grams`, hashes which are uniformly spread, into `sorted` in increasing order (`grams`
// is scratch space meanwhile, `top_bytes` their top bytes' counts); returns whether any two
// are equal.
// std::sort mispredicts about half of its comparisons on random keys. A radix sort on the top
// bits leaves out of order only hashes that agree in those bits, a few at most, which an
// insertion sort puts right with branches that rarely go the other way. A body's few hundred
// shingles need one pass of 8 bits (about one hash per digit); only long texts need a second,
// so that insertion sort still finds few out of order.
bool sort_hashes(ShingleHashes& grams, DigitCounts& top_bytes, ShingleHashes& sorted) {
  sorted.resize(grams.size());
  if (grams.size() < 16) {  // a pass over 256 counters would cost more than it saves
    std::copy(grams.begin(), grams.end(), sorted.begin());
    std::sort(sorted.begin(), sorted.end());
    return std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
  }
  constexpr std::size_t kOnePassLimit = 2048;  // up to 8 hashes per digit
  if (grams.size() <= kOnePassLimit) {
    bucket_starts(top_bytes);
    const std::uint64_t* const from = grams.data();
    std::uint64_t* const to = sorted.data();
    // Four a step, unrolled by the compiler: the loop's own instructions were a third.
NEWSDEDUP_UNROLL_4
    for (std::size_t i = 0; i < grams.size(); ++i) to[top_bytes[from[i] >> 56]++] = from[i];
  } else {
    const auto pass = [](const ShingleHashes& from, ShingleHashes& to, int shift) {
      std::array<std::size_t, 257> start{};
      for (const std::uint64_t h : from) ++start[((h >> shift) & 0xFF) + 1];
      for (std::size_t digit = 0; digit < 256; ++digit) start[digit + 1] += start[digit];
      for (const std::uint64_t h : from) to[start[(h >> shift) & 0xFF]++] = h;
    };
    pass(grams, sorted, 48);
    pass(sorted, grams, 56);
    std::copy(grams.begin(), grams.end(), sorted.begin());  // not a swap: `sorted` keeps a buffer of its size
  }
  return insertion_sort(sorted);
}

}  // namespace

ShingleSet shingle_body(std::string_view body) {
  ShingleSet set;
  shingle_body(body, set);
  return set;
}

void shingle_body(std::string_view body, ShingleSet& set) {
  set.hashes.clear();
  set.numbers.clear();
  set.exact_hash = 0;
  set.word_count = 0;
  // Every word goes to the exact hash; the story's words (all paragraphs but editorial notes,
  // with the wire dateline cut from the first of them, since both vary between copies of one
  // story) go to the shingles.
  // Word buffers reused by each thread's calls: after the first documents, only the results allocate.
  thread_local std::vector<std::uint64_t> all_words;
  thread_local std::vector<std::uint64_t> note_free_words;
  thread_local std::vector<std::uint32_t> figures;
  thread_local ShingleHashes grams;
  thread_local std::vector<std::uint64_t> digits;  // bit masks of the text's digits
  figures.clear();
  // Room for max_words() of each piece written: the pieces are a body's paragraphs, one of them
  // cut in two at its dateline, or the body (in one call that counts the words before the story).
  if (all_words.size() < max_words(body.size()) + 1) all_words.resize(max_words(body.size()) + 1);
  // Where the story starts: the first paragraph that is neither empty nor a note, less its
  // dateline. Notes before it hold no story words, so without a note after it the story is
  // the text from there on, and the words are hashed in one call, told where the story starts,
  // instead of one a paragraph (a dateline ends at a separator and a paragraph at a line break:
  // no word is cut).
  std::size_t story_begin = body.size();
  std::size_t story_paragraph_end = body.size();
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    const std::string_view paragraph = body.substr(start, end - start);
    if (!paragraph.empty() && !is_editorial_note(paragraph)) {
      story_begin = end - strip_leading_dateline(paragraph).size();
      story_paragraph_end = end;
      break;
    }
    start = end + 1;
  }
  // A note after it opens its paragraph with '(': looked for among the parentheses of the rest,
  // which are few, instead of paragraph by paragraph (a search for each line break).
  bool note_in_story = false;
  for (std::size_t at = body.find('(', story_paragraph_end); at != std::string_view::npos; at = body.find('(', at + 1)) {
    if (body[at - 1] != '\n') continue;  // `at` is past the story's paragraph, so not 0
    const std::size_t end = std::min(body.find('\n', at), body.size());
    if (is_editorial_note(body.substr(at, end - at))) {
      note_in_story = true;
      break;
    }
    at = end;
  }
  std::size_t word_count = 0;
  std::span<const std::uint64_t> words;
  if (!note_in_story) {
    std::size_t before_story = 0;
    digits.resize(body.size() / 64 + 1);
    word_count = write_word_hashes(body, story_begin, all_words.data(), before_story, digits.data());
    words = std::span<const std::uint64_t>(all_words.data() + before_story, word_count - before_story);
    collect_figures(body, story_begin, digits.data(), figures);
  } else {  // paragraph by paragraph, the notes' words left out of the story's
    note_free_words.clear();
    bool first = true;
    for (std::size_t start = 0; start < body.size();) {
      const std::size_t end = std::min(body.find('\n', start), body.size());
      const std::string_view paragraph = body.substr(start, end - start);
      start = end + 1;
      const bool in_story = !paragraph.empty() && !is_editorial_note(paragraph);
      std::string_view story = paragraph;
      if (in_story && first) {
        story = strip_leading_dateline(paragraph);
        first = false;
      }
      // A dateline's words go to the exact hash only; it ends at a separator, so the words of
      // the two parts are those of the paragraph.
      if (story.size() < paragraph.size())
        word_count += write_word_hashes(paragraph.substr(0, paragraph.size() - story.size()), all_words.data() + word_count);
      const std::size_t story_start = word_count;
      word_count += write_word_hashes(story, all_words.data() + word_count);
      if (!in_story) continue;
      digits.resize(story.size() / 64 + 1);
      digit_masks(story, digits.data());
      collect_figures(story, 0, digits.data(), figures);
      note_free_words.insert(note_free_words.end(), all_words.begin() + static_cast<std::ptrdiff_t>(story_start),
                             all_words.begin() + static_cast<std::ptrdiff_t>(word_count));
    }
    words = note_free_words;
  }
  set.word_count = static_cast<std::uint32_t>(word_count);
  set.exact_hash = XXH3_64bits(all_words.data(), word_count * sizeof(std::uint64_t));
  std::sort(figures.begin(), figures.end());
  set.numbers.assign(figures.begin(), std::unique(figures.begin(), figures.end()));
  // The MinHash bins are filled as the grams are hashed (a repeated gram changes nothing).
  MinHashBins& bins = set.bins;
  bins.clear();
  if (words.empty()) return;
  const std::size_t k = std::min(kShingleWords, words.size());
  grams.resize(words.size() - k + 1);
  alignas(16) DigitCounts top_bytes;  // for sort_hashes(), counted while the hashes are at hand
  zero(top_bytes);
  if (k == kShingleWords) {  // the usual case, with the gram length a constant the compiler unrolls
    // Four grams a step, unrolled by the compiler: the loop's count, compare and branch were 3 of
    // ~40 instructions a gram. (Two written out by hand came out longer.)
NEWSDEDUP_UNROLL_4
    for (std::size_t i = 0; i < grams.size(); ++i) {
      grams[i] = gram_hash(words.data() + i, kShingleWords);
      ++top_bytes[grams[i] >> 56];
      bins.add(grams[i]);
    }
  } else {
    grams[0] = gram_hash(words.data(), k);
    bins.add(grams[0]);
  }
  if (sort_hashes(grams, top_bytes, set.hashes))
    set.hashes.erase(std::unique(set.hashes.begin(), set.hashes.end()), set.hashes.end());
  return;
}

std::vector<std::uint32_t> shingle_keys(std::span<const std::uint64_t> hashes) {
  ShingleKeys keys;
  shingle_keys(hashes, keys);
  return {keys.begin(), keys.end()};
}

void shingle_keys(std::span<const std::uint64_t> hashes, ShingleKeys& keys) {
  keys.resize(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) keys[i] = static_cast<std::uint32_t>(hashes[i] >> 32);
  // Two shingles of a document agree in their top halves about once in 2^33 / n^2 documents of
  // n shingles: they are counted in a loop without branches, which the compiler vectorises, and
  // dropped only when there are any (std::unique on every document, a compare and a branch per
  // key, took this function from 12.5 M to 28 M instructions on 20,000 pages).
  std::uint32_t repeats = 0;  // as wide as the keys, so that the vector lanes are too
  for (std::size_t i = 1; i < keys.size(); ++i) repeats += keys[i] == keys[i - 1];
  if (repeats > 0) keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

}  // namespace newsdedup
