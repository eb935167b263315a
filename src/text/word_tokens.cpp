#include "text/word_tokens.h"

#include <utf8proc.h>
// Inlined: most words are a few bytes, where a call into the library costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "text/byte_blocks.h"
#include "text/swar.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

// Abbreviations that wire copy uses and reprints often spell out (both sides map to one form).
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kCanonical = {{
    {"mln"sv, "million"sv}, {"mn"sv, "million"sv}, {"bln"sv, "billion"sv}, {"bn"sv, "billion"sv},
    {"dlrs"sv, "dollars"sv}, {"dlr"sv, "dollar"sv}, {"pct"sv, "percent"sv}, {"cts"sv, "cents"sv},
    {"shr"sv, "share"sv}, {"shrs"sv, "shares"sv}, {"qtr"sv, "quarter"sv}, {"yr"sv, "year"sv},
    {"avg"sv, "average"sv}, {"govt"sv, "government"sv},
}};

constexpr std::size_t kNoAbbreviation = kCanonical.size();

// The abbreviations found by their own hashes: a word is hashed as it stands, and only a word
// whose hash is an abbreviation's is compared with it (and given its expansion's hash). The
// test is then one masked load and compare for every word, whatever its length, where a test
// of the word's bytes (packed, against a table keyed by them) cost a dozen instructions and,
// for the many words under four bytes, a mask on their length. Both tokenizer paths use it.
struct AbbreviationHashes {
  static constexpr std::size_t kSlots = 64;  // keyed by a hash's low six bits, which no two abbreviations share
  std::array<std::uint64_t, kSlots> own{};   // an abbreviation's hash in its slot
  std::array<std::uint64_t, kSlots> expanded{};
  std::array<std::size_t, kSlots> index{};   // into kCanonical; kNoAbbreviation in an empty slot
};

// Made on first use (a function's static, not a global: no other file's static initialiser can
// reach it unmade); the word loops look it up once a call.
const AbbreviationHashes& abbreviation_hashes() {
  static const AbbreviationHashes table = [] {
    AbbreviationHashes hashes;
    hashes.index.fill(kNoAbbreviation);
    // An empty slot holds 0: a word whose hash is 0 and falls there is looked up, finds no
    // abbreviation and keeps its hash.
    for (std::size_t i = 0; i < kCanonical.size(); ++i) {
      const auto& [abbreviation, expansion] = kCanonical[i];
      const std::uint64_t own = XXH3_64bits(abbreviation.data(), abbreviation.size());
      const std::size_t slot = own % AbbreviationHashes::kSlots;
      if (hashes.index[slot] != kNoAbbreviation) throw std::logic_error("two wire abbreviations share a hash slot");
      hashes.own[slot] = own;
      hashes.expanded[slot] = XXH3_64bits(expansion.data(), expansion.size());
      hashes.index[slot] = i;
    }
    return hashes;
  }();
  return table;
}

// The canonical hash of a word whose hash matched an abbreviation's slot: rare, kept out of line.
[[gnu::noinline]] std::uint64_t hash_in_abbreviation_slot(const AbbreviationHashes& abbreviations, const char* word,
                                                          std::size_t size, std::uint64_t hash) {
  const std::size_t slot = hash % AbbreviationHashes::kSlots;
  const std::size_t index = abbreviations.index[slot];
  if (index != kNoAbbreviation && std::string_view(word, size) == kCanonical[index].first)
    return abbreviations.expanded[slot];
  return hash;
}

// The canonical hash of the `size` (not 0) lower-case bytes at `word`: of its expansion when it
// is an abbreviation, else of the word itself.
inline std::uint64_t canonical_lower_hash(const AbbreviationHashes& abbreviations, const char* word, std::size_t size) {
  if (size == 0) __builtin_unreachable();  // XXH3 then skips its test for an empty input
  const std::uint64_t hash = XXH3_64bits(word, size);
  if (abbreviations.own[hash % AbbreviationHashes::kSlots] != hash) [[likely]]
    return hash;
  return hash_in_abbreviation_slot(abbreviations, word, size, hash);
}

// The canonical hash of a word (not empty) of for_each_word().
std::uint64_t hash_word(const AbbreviationHashes& abbreviations, std::string_view word) {
  return canonical_lower_hash(abbreviations, word.data(), word.size());
}

// For each byte: bit 0 when it is an ASCII letter or digit, bit 1 too when an upper-case letter
// (one table load per byte in the word loop instead of three range tests).
constexpr unsigned char kAsciiWord = 1;
constexpr unsigned char kAsciiUpper = 2;

constexpr std::array<unsigned char, 256> kAsciiClasses = [] {
  std::array<unsigned char, 256> classes{};
  for (unsigned c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) classes[c] = kAsciiWord;
    if (c >= 'A' && c <= 'Z') classes[c] = kAsciiWord | kAsciiUpper;
  }
  return classes;
}();

unsigned char ascii_class(char c) { return kAsciiClasses[static_cast<unsigned char>(c)]; }

bool is_word_code_point(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void append_code_point(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buffer[4];
  const auto n = utf8proc_encode_char(cp, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// Calls on_word(canonical word, first byte, one past the last byte) for each word of `text`.
template <typename OnWord>
void for_each_word(std::string_view text, OnWord on_word) {
  std::string word;
  std::size_t word_begin = 0;
  std::size_t word_end = 0;
  auto flush = [&] {
    if (!word.empty()) on_word(word, word_begin, word_end);
    word.clear();
  };
  auto extend = [&](std::size_t at, std::size_t end) {
    if (word.empty()) word_begin = at;
    word_end = end;
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      unsigned seen = ascii_class(text[i]);
      if (seen == 0) {
        flush();
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      for (unsigned char b; end < n && (b = ascii_class(text[end])) != 0; ++end) seen |= b;
      const bool upper = (seen & kAsciiUpper) != 0;
      // Most words are lower-case ASCII between ASCII separators: handed on as they stand.
      if (word.empty() && !upper && (end == n || static_cast<unsigned char>(text[end]) < 0x80)) {
        on_word(text.substr(i, end - i), i, end);
        i = end;
        continue;
      }
      extend(i, end);
      for (; i < end; ++i) {
        const char b = text[i];
        word.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
      }
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                      static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len <= 0) {
      ++i;
      flush();
      continue;
    }
    if (is_word_code_point(cp)) {
      extend(i, i + static_cast<std::size_t>(len));
      append_code_point(word, utf8proc_tolower(cp));
    } else {
      flush();
    }
    i += static_cast<std::size_t>(len);
  }
  flush();
}

#if defined(__SSE2__)
// The offset of the lowest set bit of `bits`, which has one: the compiler leaves out the test for
// zero that std::countr_zero() needs where it cannot see that.
inline std::uint32_t lowest_set_bit(std::uint64_t bits) {
  if (bits == 0) __builtin_unreachable();
  return static_cast<std::uint32_t>(std::countr_zero(bits));
}

// Whether every character of `text` beyond ASCII separates words (curly quotes, dashes, no-break
// spaces, bullets: what English news text holds), or is a byte that is not UTF-8, which
// for_each_word() skips as a separator too. (describe() has a check of its own: its words
// include apostrophes and take other characters for letters.)
bool only_separators_beyond_ascii(std::string_view text) {
  for (std::size_t i = swar::next_high_byte(text, 0); i < text.size(); i = swar::next_high_byte(text, i)) {
    utf8proc_int32_t cp = 0;
    const auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                      static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (len > 0 && is_word_code_point(cp)) return false;
    i += len > 0 ? static_cast<std::size_t>(len) : 1;
  }
  return true;
}

// Lowercases the letters of `text` into `lower`, keeping its digits (its other bytes may change,
// and bytes past it in `lower`, up to a whole block of 64, may or may not be written), and sets a bit in `alphanumeric` (one word
// per block) for each letter or digit of `text`; returns whether any byte is above 0x7F. One
// pass, 16 bytes a step: lowercasing and classifying are the same loads.
// With `digits` (not null), also sets a bit there for each ASCII digit (a compare the letters
// and digits test makes anyway).
// (A template parameter: the test is made once a call, not at each step.)
template <bool kWithDigits>
bool lowercase_and_classify(std::string_view text, char* lower, std::uint64_t* alphanumeric, std::uint64_t* digits) {
  const auto classify = [&](const char* from, char* to) {  // the 64 bytes at `from`
    __m128i any = _mm_setzero_si128();
    std::uint64_t bits = 0;
    std::uint64_t digit_bits = 0;
    for (int part = 0; part < 4; ++part) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(from + 16 * part));
      any = _mm_or_si128(any, bytes);
      // Setting bit 5 lowercases an ASCII letter, keeps a digit (0x30 to 0x39 have it), and takes
      // no other byte into a to z. Those other bytes are stored changed too: no word holds them,
      // and only words are read back (an and and an or fewer than lowercasing letters alone).
      const __m128i lowered = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
      const __m128i letter = bytes_in_range(lowered, 'a', 26);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(to + 16 * part), lowered);
      const __m128i digit = bytes_in_range(bytes, '0', 10);
      const __m128i word = _mm_or_si128(letter, digit);
      bits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(word))} << (16 * part);
      if constexpr (kWithDigits)
        digit_bits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(digit))} << (16 * part);
    }
    return std::tuple{bits, digit_bits, _mm_movemask_epi8(any) != 0};
  };
  bool high = false;
  std::size_t base = 0;
  for (; text.size() - base >= 64; base += 64) {
    const auto [bits, digit_bits, block_high] = classify(text.data() + base, lower + base);
    alphanumeric[base / 64] = bits;
    if constexpr (kWithDigits) digits[base / 64] = digit_bits;
    high |= block_high;
  }
  // The last, partial block: in a text of a block or more, its last 64 bytes classified again
  // (the bytes before the block lowercased the same twice), the masks shifted down to the
  // block; in a shorter one, from a copy padded with zeros (a memcpy call the other way
  // avoids). Either way the bits past the text are clear.
  const std::size_t rest = text.size() - base;
  std::uint64_t bits = 0;
  std::uint64_t digit_bits = 0;
  if (rest > 0 && base > 0) {
    const std::size_t from = text.size() - 64;
    const auto [last_bits, last_digit_bits, last_high] = classify(text.data() + from, lower + from);
    bits = last_bits >> (64 - rest);
    digit_bits = last_digit_bits >> (64 - rest);
    high |= last_high;
  } else if (rest > 0) {
    char tail[64] = {};
    std::memcpy(tail, text.data(), rest);
    const auto [tail_bits, tail_digit_bits, tail_high] = classify(tail, lower);
    bits = tail_bits;
    digit_bits = tail_digit_bits;
    high |= tail_high;
  }
  alphanumeric[base / 64] = bits;
  if constexpr (kWithDigits) digits[base / 64] = digit_bits;
  return high;
}

// How many runs of set bits (words) of the masks `alphanumeric` start before bit `split`: the
// start bits below it, counted one by one (a dateline's few words, most often).
std::size_t words_starting_before(const std::uint64_t* alphanumeric, std::size_t split) {
  std::size_t count = 0;
  std::uint64_t open = 0;
  for (std::size_t block = 0; 64 * block < split; ++block) {
    const std::uint64_t bits = alphanumeric[block];
    std::uint64_t starts = bits & ~((bits << 1) | open);
    if (const std::size_t rest = split - 64 * block; rest < 64) starts &= (std::uint64_t{1} << rest) - 1;
    for (; starts != 0; starts &= starts - 1) ++count;
    open = bits >> 63;
  }
  return count;
}

// write_word_hashes() for text whose words are ASCII: lowercased into a buffer, whose words
// (runs of letters and digits) are found from bit masks of 64 bytes at a time; bytes above 0x7F
// separate words there, as the characters they belong to do (only_separators_beyond_ascii).
// npos, with nothing useful written, when a word holds a character beyond ASCII.
// With `split` below npos, also sets `words_before` to the number of words that start before
// byte `split`; with `digits`, sets its bits for the digits of `text` (see the public overloads).
std::size_t write_ascii_word_hashes(std::string_view text, std::uint64_t* out, std::size_t split,
                                    std::size_t& words_before, std::uint64_t* digits) {
  constexpr std::size_t kPadding = 64;  // a last block of up to 64 bytes
  thread_local std::vector<char> lower;
  thread_local std::vector<std::uint64_t> alphanumeric;
  const std::size_t blocks = text.size() / 64 + 1;
  if (lower.size() < text.size() + kPadding) lower.resize(text.size() + kPadding);
  if (alphanumeric.size() < blocks) alphanumeric.resize(blocks);
  const bool high = digits != nullptr ? lowercase_and_classify<true>(text, lower.data(), alphanumeric.data(), digits)
                                      : lowercase_and_classify<false>(text, lower.data(), alphanumeric.data(), digits);
  if (high && !only_separators_beyond_ascii(text))
    return std::string_view::npos;
  if (split != std::string_view::npos) words_before = words_starting_before(alphanumeric.data(), split);
  const char* const words = lower.data();
  const AbbreviationHashes& abbreviations = abbreviation_hashes();
  std::uint64_t* written = out;
  // The runs of set bits, block by block: a word's end is the first end bit after its start,
  // so starts and ends are taken in pairs, and a word that reaches the next block stays open.
  std::uint64_t open = 0;  // bit 0: a word runs on from the block before, from `open_start`
  std::size_t open_start = 0;
  for (std::size_t block = 0; block < blocks; ++block) {
    const std::uint64_t bits = alphanumeric[block];
    const std::uint64_t before = (bits << 1) | open;  // bit i: byte i - 1 is in a word
    std::uint64_t starts = bits & ~before;
    std::uint64_t ends = ~bits & before;
    const std::size_t base = 64 * block;
    if (open != 0 && ends != 0) {
      const std::size_t end = base + lowest_set_bit(ends);
      *written++ = canonical_lower_hash(abbreviations, words + open_start, end - open_start);
      ends &= ends - 1;
    }
    // A word within the block: its bytes from the block's start, its size a difference of bit
    // offsets (below 64), taken in 32 bits: no widening of each offset, no add of the block's
    // offset to each.
    const char* const block_words = words + base;
    for (; ends != 0; starts &= starts - 1, ends &= ends - 1) {
      const std::uint32_t start = lowest_set_bit(starts);
      const std::uint32_t size = lowest_set_bit(ends) - start;
      *written++ = canonical_lower_hash(abbreviations, block_words + start, size);
    }
    if (starts != 0) open_start = base + lowest_set_bit(starts);
    open = bits >> 63;
  }
  // The last block's bits past the text are clear, so no word is open after it.
  return static_cast<std::size_t>(written - out);
}
#endif

}  // namespace

std::size_t write_word_hashes(std::string_view text, std::uint64_t* out) {
  if (text.empty()) return 0;  // the text before a body's story, most often: no block to classify
#if defined(__SSE2__)
  std::size_t no_split = 0;
  if (const std::size_t count = write_ascii_word_hashes(text, out, std::string_view::npos, no_split, nullptr);
      count != std::string_view::npos)
    return count;
#endif
  std::uint64_t* written = out;
  const AbbreviationHashes& abbreviations = abbreviation_hashes();
  for_each_word(text, [&](std::string_view word, std::size_t, std::size_t) { *written++ = hash_word(abbreviations, word); });
  return static_cast<std::size_t>(written - out);
}

std::size_t write_word_hashes(std::string_view text, std::size_t split, std::uint64_t* out, std::size_t& words_before,
                              std::uint64_t* digits) {
#if defined(__SSE2__)
  if (text.empty()) {
    digits[0] = 0;
  } else if (const std::size_t count = write_ascii_word_hashes(text, out, split, words_before, digits);
             count != std::string_view::npos) {
    return count;
  }  // else the digits are set: the bytes were classified before a word beyond ASCII was found
#else
  digit_masks(text, digits);
#endif
  // A text with words beyond ASCII: each part on its own (either may still be ASCII).
  words_before = write_word_hashes(text.substr(0, split), out);
  return words_before + write_word_hashes(text.substr(split), out + words_before);
}

void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& out) {
  const std::size_t old_size = out.size();
  out.resize(old_size + max_words(text.size()));
  out.resize(old_size + write_word_hashes(text, out.data() + old_size));
}

std::vector<WordSpan> word_spans(std::string_view text) {
  std::vector<WordSpan> out;
  const AbbreviationHashes& abbreviations = abbreviation_hashes();
  for_each_word(text, [&](std::string_view word, std::size_t begin, std::size_t end) {
    out.push_back({hash_word(abbreviations, word), begin, end});
  });
  return out;
}

}  // namespace newsdedup
