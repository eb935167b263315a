// Byte blocks: kernels that count, lowercase and test text 16 or 64 bytes at a time with SSE2,
// for describe() (clean/line_shape.cpp), for measuring lines in characters, for finding line
// breaks and for normalisation.
//
// count_characters(), lowercase_ascii(), block_at() and digit_masks() work everywhere (a loop over
// bytes where SSE2 is missing); the rest (LaneCounter, last_lanes(), continuation_bytes(),
// bytes_in_range(), block_mask(), store_blocks()) exists only where __SSE2__ is defined (every
// x86-64 machine), so its callers keep another path for other machines. Stateless and thread-safe; header only.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

// What lowercase_ascii() learns from the bytes while it lowercases them.
struct ByteCounts {
  std::size_t characters = 0;  // bytes that start a character (not 10xxxxxx)
  unsigned char highest = 0;   // the largest byte: below 0x80 in ASCII text
};

#if defined(__SSE2__)
// Counts, per byte lane, the blocks of 16 bytes whose lane matched (a compare's all-ones lane is
// -1, subtracted): a count per block without a population count, which x86-64 lacks before
// POPCNT. A lane holds 255 blocks; sum() then adds the lanes up.
class LaneCounter {
 public:
  void add(__m128i matches) {
    lanes_ = _mm_sub_epi8(lanes_, matches);
    if (++blocks_ == 255) flush();
  }
  std::size_t sum() {
    flush();
    return total_;
  }

 private:
  void flush() {
    alignas(16) std::uint64_t halves[2];
    _mm_store_si128(reinterpret_cast<__m128i*>(halves), _mm_sad_epu8(lanes_, _mm_setzero_si128()));
    total_ += halves[0] + halves[1];
    lanes_ = _mm_setzero_si128();
    blocks_ = 0;
  }

  __m128i lanes_ = _mm_setzero_si128();
  unsigned blocks_ = 0;
  std::size_t total_ = 0;
};

// A mask of the last `count` lanes (1 to 16): for a last block of a text that overlaps the block
// before it.
inline __m128i last_lanes(std::size_t count) {
  static constexpr std::array<unsigned char, 32> kLanes = [] {
    std::array<unsigned char, 32> lanes{};
    for (std::size_t lane = 16; lane < 32; ++lane) lanes[lane] = 0xFF;
    return lanes;
  }();
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLanes.data() + count));
}

// The continuation bytes 0x80 to 0xBF: as signed bytes, exactly those below -64.
inline __m128i continuation_bytes(__m128i bytes) { return _mm_cmplt_epi8(bytes, _mm_set1_epi8(-64)); }

// The bytes in [low, low + count), with one add and one signed compare where two compares and an
// and test both ends: moved by 0x80 - low, exactly those fall below -0x80 + count.
inline __m128i bytes_in_range(__m128i bytes, char low, int count) {
  return _mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - low))),
                        _mm_set1_epi8(static_cast<char>(-0x80 + count)));
}
#endif

// The number of characters in UTF-8 `text`: its bytes that do not continue a character
// (10xxxxxx), 16 at a time.
inline std::size_t count_characters(std::string_view text) {
  std::size_t continuations = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  const auto block = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at)); };
  LaneCounter counter;
  for (; i + 16 <= text.size(); i += 16) counter.add(continuation_bytes(block(i)));
  if (i < text.size() && text.size() >= 16) {  // the last 16 bytes, counting only the lanes not done
    counter.add(_mm_and_si128(continuation_bytes(block(text.size() - 16)), last_lanes(text.size() - i)));
    i = text.size();
  }
  continuations = counter.sum();
#endif
  for (; i < text.size(); ++i) continuations += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  return text.size() - continuations;
}

// The 64 bytes of `text` from `base` on, or, where fewer are left, a copy of them in `padding`
// followed by zero bytes: a whole block can always be read.
inline const char* block_at(std::string_view text, std::size_t base, char (&padding)[64]) {
  if (text.size() - base >= sizeof padding) return text.data() + base;
  std::memset(padding, 0, sizeof padding);
  std::memcpy(padding, text.data() + base, text.size() - base);
  return padding;
}

// Writes `text` with its ASCII letters in lower case to `out` (text.size() bytes) and counts it.
inline ByteCounts lowercase_ascii(std::string_view text, char* out) {
  ByteCounts counts;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes at a time; the compiler's own vectorisation of the loop below widens every count
  // to 64 bits and leaves short lines to the scalar tail.
  __m128i highest = _mm_setzero_si128();
  LaneCounter continuations;
  // `counted`: the lanes whose continuation bytes count (all, but in a last block that overlaps
  // the one before).
  const auto lower_block = [&](const unsigned char* from, char* to, __m128i counted) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from));
    // Signed compares: bytes of 0x80 and above are negative, so never upper-case letters.
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('A' - 1)),
                                        _mm_cmplt_epi8(bytes, _mm_set1_epi8('Z' + 1)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), _mm_add_epi8(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    continuations.add(_mm_and_si128(continuation_bytes(bytes), counted));
    highest = _mm_max_epu8(highest, bytes);
  };
  const __m128i all_lanes = _mm_set1_epi8(-1);
  for (; i + 16 <= text.size(); i += 16) lower_block(in + i, out + i, all_lanes);
  if (i < text.size() && text.size() >= 16) {
    // The last 16 bytes: lowercasing the ones already done again writes what is there, and the
    // lanes of the bytes not done yet are the only ones counted.
    const __m128i counted = last_lanes(text.size() - i);
    lower_block(in + text.size() - 16, out + text.size() - 16, counted);
    i = text.size();
  } else if (i < text.size()) {  // a line shorter than a block, padded with zeros (no continuation bytes)
    alignas(16) unsigned char tail_in[16] = {};
    alignas(16) char tail_out[16];
    const std::size_t rest = text.size() - i;
    std::memcpy(tail_in, in + i, rest);
    lower_block(tail_in, tail_out, all_lanes);
    std::memcpy(out + i, tail_out, rest);
    i = text.size();
  }
  counts.characters = text.size() - continuations.sum();
  // The largest lane: each step compares the upper half of the lanes left with the lower.
  highest = _mm_max_epu8(highest, _mm_srli_si128(highest, 8));
  highest = _mm_max_epu8(highest, _mm_srli_si128(highest, 4));
  highest = _mm_max_epu8(highest, _mm_srli_si128(highest, 2));
  highest = _mm_max_epu8(highest, _mm_srli_si128(highest, 1));
  counts.highest = static_cast<unsigned char>(_mm_cvtsi128_si32(highest));
#endif
  for (; i < text.size(); ++i) {
    out[i] = static_cast<char>(static_cast<unsigned>(in[i] - 'A') < 26u ? in[i] + ('a' - 'A') : in[i]);
    counts.characters += (in[i] & 0xC0) != 0x80;
    counts.highest = std::max(counts.highest, in[i]);
  }
  return counts;
}

#if defined(__SSE2__)
// Bit i: byte i of the 64 at `block` passes `test`, a compare of 16 bytes at a time.
template <typename Test>
std::uint64_t block_mask(const char* block, Test test) {
  std::uint64_t mask = 0;
  for (int part = 0; part < 4; ++part) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * part));
    mask |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(test(bytes)))} << (16 * part);
  }
  return mask;
}

// Stores `value` in each of the kBlocks blocks of 16 bytes at `to`, written out: the compiler
// turns a loop of such stores back into a fill, of string stores of 8 bytes.
template <std::size_t kBlocks>
void store_blocks(void* to, __m128i value) {
  [&]<std::size_t... kPart>(std::index_sequence<kPart...>) {
    (_mm_storeu_si128(static_cast<__m128i*>(to) + kPart, value), ...);
  }(std::make_index_sequence<kBlocks>());
}
#endif

// Sets bit i % 64 of masks[i / 64] for each ASCII digit i of `text`, in text.size() / 64 + 1
// words, the bits past the text clear: with SSE2, 64 bytes a step.
inline void digit_masks(std::string_view text, std::uint64_t* masks) {
  const std::size_t words = text.size() / 64 + 1;
#if defined(__SSE2__)
  char padding[64];
  for (std::size_t word = 0; word < words; ++word)
    masks[word] = block_mask(block_at(text, 64 * word, padding), [](__m128i bytes) { return bytes_in_range(bytes, '0', 10); });
#else
  std::fill_n(masks, words, std::uint64_t{0});
  for (std::size_t i = 0; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i] - '0') < 10) masks[i / 64] |= std::uint64_t{1} << (i % 64);
#endif
}

}  // namespace newsdedup
