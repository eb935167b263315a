#include "clean/line_shape.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "text/byte_blocks.h"
#include "text/swar.h"
#include "text/word_hash.h"

namespace newsdedup {
namespace {

constexpr bool is_letter_or_digit(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// What each byte of lowercased text is to the tokenizer, in the order the word loop tests:
// bytes up to kApostrophe continue a word. Characters led by 0xC2 (Latin-1 punctuation such as
// « » © ·) or 0xE2 (general punctuation: curly quotes, dashes, bullets, arrows) separate words;
// other non-ASCII characters are letters.
enum class ByteClass : unsigned char { kWord, kApostrophe, kSeparator, kTwoByteSeparator, kThreeByteSeparator };

constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    classes[c] = byte == '\'' ? ByteClass::kApostrophe
                 : byte < 0x80 ? (is_letter_or_digit(byte) ? ByteClass::kWord : ByteClass::kSeparator)
                 : byte == 0xC2 ? ByteClass::kTwoByteSeparator
                 : byte == 0xE2 ? ByteClass::kThreeByteSeparator
                                : ByteClass::kWord;
  }
  return classes;
}();

// U+2019 at `i` with a letter or digit right after it: an apostrophe inside a word.
bool is_inner_apostrophe(std::string_view text, std::size_t i) {
  if (i + 3 >= text.size() || text[i] != '\xE2' || text[i + 1] != '\x80' || text[i + 2] != '\x99') return false;
  return kByteClasses[static_cast<unsigned char>(text[i + 3])] == ByteClass::kWord;
}

bool ends_like_sentence(std::string_view text) {
  while (!text.empty()) {
    const char c = text.back();
    if (c == '"' || c == '\'' || c == ')' || c == ' ' || c == ']' || c == '*') {
      text.remove_suffix(1);
      continue;
    }
    if (text.ends_with("\u201D") || text.ends_with("\u2019")) {  // closing curly quotes
      text.remove_suffix(3);
      continue;
    }
    if (text.ends_with("\u00BB")) {  // closing guillemet
      text.remove_suffix(2);
      continue;
    }
    break;
  }
  if (text.empty()) return false;
  if (text.back() == '.' || text.back() == '!' || text.back() == '?') return true;
  // The ellipsis and the full-width stops of Chinese and Japanese.
  return text.ends_with("\u2026") || text.ends_with("\u3002") || text.ends_with("\uFF01") || text.ends_with("\uFF1F");
}

// The extra weight of Han, kana, fullwidth (2 more) and Hangul (1 more) characters, on top of
// the 1 every character counts.
std::size_t wide_character_extra(std::string_view text) {
  std::size_t extra = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xE1 || c > 0xEF) continue;
    const unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    const bool hangul = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
    const bool han_or_kana = (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                             (cp >= 0xFF00 && cp <= 0xFFEF);
    extra += han_or_kana ? 2 : hangul ? 1 : 0;
    i += 2;
  }
  return extra;
}

// The lower-cased text of a line followed by kPadding zero bytes, where words are found and
// hashed: whole 64-byte blocks can be read, and every word has the bytes after it that
// word_hash_padded() reads. `lower` views the line's own copy, which the shape's words view.
struct LowerText {
  static constexpr std::size_t kPadding = 64;
  static_assert(kPadding >= kWordHashPadding);
  const char* padded;
  std::string_view lower;
};

// Adds the word at [start, end) of the text to `shape`'s words and counts.
[[gnu::always_inline]] inline void add_word(const LowerText& line, std::string_view text, std::size_t start, std::size_t end,
                     LineShape& shape) {
  shape.words.push_back(line.lower.substr(start, end - start));
  shape.word_hashes.push_back(word_hash_padded(line.padded + start, end - start));
  const unsigned first = static_cast<unsigned char>(text[start]);
  const bool digit = first - '0' < 10u;
  shape.digit_words += digit;
  shape.alphabetic_words += !digit;
  shape.capitalized_words += first - 'A' < 26u;
}

// The words of the text, one byte at a time (see kByteClasses): any text.
void add_words(const LowerText& line, std::string_view text, LineShape& shape) {
  // The padding's zeros are separators, which end the last word without a bounds test per byte.
  const char* lower = line.padded;
  const std::size_t n = line.lower.size();
  for (std::size_t i = 0; i < n;) {
    const ByteClass leading = kByteClasses[static_cast<unsigned char>(lower[i])];
    if (leading != ByteClass::kWord) {  // a separator, or an apostrophe before any letter
      i += leading == ByteClass::kTwoByteSeparator ? 2 : leading == ByteClass::kThreeByteSeparator ? 3 : 1;
      continue;
    }
    const std::size_t start = i;
    while (true) {
      while (kByteClasses[static_cast<unsigned char>(lower[i])] <= ByteClass::kApostrophe) ++i;
      if (lower[i] != '\xE2' || !is_inner_apostrophe(line.lower, i)) break;
      i += 3;
    }
    add_word(line, text, start, i, shape);
  }
}

#if defined(__SSE2__)
// Whether the text's characters beyond ASCII are all ones that add_words() takes as separators
// (kByteClasses: those led by 0xC2 or 0xE2, « » © · no-break space, curly quotes, dashes,
// bullets), none of them a right single quote before a letter (which may stay inside a word):
// add_ascii_words(), which takes every byte above 0x7F as a separator, then finds the same words.
// (The shingle tokenizer has a check of its own: its words are Unicode letters and digits.)
bool only_separators_beyond_ascii(const LowerText& line) {
  const char* bytes = line.padded;
  const std::size_t n = line.lower.size();
  for (std::size_t i = swar::next_high_byte({bytes, n}, 0); i < n; i = swar::next_high_byte({bytes, n}, i)) {
    const ByteClass leading = kByteClasses[static_cast<unsigned char>(bytes[i])];
    if (leading == ByteClass::kTwoByteSeparator) {
      i += 2;
    } else if (leading == ByteClass::kThreeByteSeparator && !is_inner_apostrophe(line.lower, i)) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// The words of the text, 64 bytes at a time: ASCII text, or text whose other characters only
// separate words (only_separators_beyond_ascii). A word is a run of letters, digits
// and apostrophes without the apostrophes that open it, which is what add_words() finds in
// ASCII; bit masks find each run's ends without a branch per byte.
void add_ascii_words(const LowerText& line, std::string_view text, LineShape& shape) {
  std::uint64_t apostrophes = 0;
  std::uint64_t run_continues = 0;      // bit 0: the previous block ended inside a run
  std::uint64_t opening_continues = 0;  // bit 0: ... inside a run's opening apostrophes
  std::uint64_t word_continues = 0;     // bit 0: ... inside a word
  std::size_t word_start = 0;
  for (std::size_t base = 0; base < line.lower.size(); base += 64) {
    const BlockClasses classes = classify_block(line.padded + base);  // the padding's zeros are separators
    apostrophes |= classes.apostrophe;
    const std::uint64_t run = classes.alphanumeric | classes.apostrophe;
    const std::uint64_t run_starts = run & ~((run << 1) | run_continues);
    // Adding a run of apostrophes' lowest bit clears the run: the runs that open a run of word
    // bytes are those it clears.
    const std::uint64_t opening_starts = (run_starts | opening_continues) & classes.apostrophe;
    const std::uint64_t opening = classes.apostrophe & ~(classes.apostrophe + opening_starts);
    const std::uint64_t word = run & ~opening;
    run_continues = run >> 63;
    opening_continues = opening >> 63;
    for_each_run_edge(
        word, base, word_continues, [&](std::size_t at) { word_start = at; },
        [&](std::size_t at) { add_word(line, text, word_start, at, shape); });
  }
  if (word_continues != 0) add_word(line, text, word_start, line.lower.size(), shape);
  shape.plain_words = apostrophes == 0;
}
#endif

}  // namespace

// `words` view `lower`; a short string lives inside the object, so a copied or moved shape
// must point its words at its own buffer.
LineShape::LineShape(const LineShape& other) { *this = other; }

LineShape::LineShape(LineShape&& other) noexcept { *this = std::move(other); }

namespace {

// Everything but `lower` and `words`, which need re-pointing, and `word_hashes`.
void copy_counts(const LineShape& from, LineShape& to) {
  to.plain_words = from.plain_words;
  to.capitalized_words = from.capitalized_words;
  to.alphabetic_words = from.alphabetic_words;
  to.digit_words = from.digit_words;
  to.ends_with_sentence_punctuation = from.ends_with_sentence_punctuation;
  to.starts_upper = from.starts_upper;
  to.weighted_length = from.weighted_length;
}

}  // namespace

LineShape& LineShape::operator=(const LineShape& other) {
  if (this == &other) return *this;
  lower = other.lower;
  words.clear();
  words.reserve(other.words.size());
  for (std::string_view word : other.words)
    words.emplace_back(lower.data() + (word.data() - other.lower.data()), word.size());
  word_hashes = other.word_hashes;
  copy_counts(other, *this);
  return *this;
}

LineShape& LineShape::operator=(LineShape&& other) noexcept {
  if (this == &other) return *this;
  const char* old_base = other.lower.data();
  lower = std::move(other.lower);
  words = std::move(other.words);
  if (lower.data() != old_base)
    for (std::string_view& word : words) word = std::string_view(lower.data() + (word.data() - old_base), word.size());
  word_hashes = std::move(other.word_hashes);
  copy_counts(other, *this);
  return *this;
}

LineShape describe(std::string_view text) {
  LineShape shape;
  describe(text, shape);
  return shape;
}

void describe(std::string_view text, LineShape& shape) {
  const std::size_t n = text.size();
  // Kept by each thread from line to line, up to 64 KiB: what a longer line (rare) needed is
  // given back at the next call.
  constexpr std::size_t kKeptBytes = std::size_t{1} << 16;
  thread_local std::vector<char> padded;
  if (padded.size() > kKeptBytes) std::vector<char>().swap(padded);
  if (padded.size() < n + LowerText::kPadding) padded.resize(n + LowerText::kPadding);
  shape.words.clear();
  shape.word_hashes.clear();
  shape.plain_words = false;
  shape.capitalized_words = 0;
  shape.alphabetic_words = 0;
  shape.digit_words = 0;
  const ByteCounts counts = lowercase_ascii(text, padded.data());
  std::memset(padded.data() + n, 0, LowerText::kPadding);
  shape.lower.assign(padded.data(), n);
  const LowerText line{padded.data(), shape.lower};
  const bool wide_possible = counts.highest >= 0xE1;  // a lead byte of U+1000 and above
  shape.words.reserve(n / 6 + 1);
  shape.word_hashes.reserve(n / 6 + 1);
#if defined(__SSE2__)
  if (counts.highest < 0x80 || only_separators_beyond_ascii(line)) {
    add_ascii_words(line, text, shape);
  } else {
    add_words(line, text, shape);
  }
#else
  add_words(line, text, shape);
#endif
  shape.ends_with_sentence_punctuation = ends_like_sentence(text);
  shape.starts_upper = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
  shape.weighted_length = counts.characters + (wide_possible ? wide_character_extra(text) : 0);
}

}  // namespace newsdedup
