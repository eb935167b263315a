#include "clean/line_shape.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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

bool ends_like_sentence_slowly(std::string_view text) {
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

// Most lines end in a letter, a digit or a full stop, which settle it without stripping quotes.
bool ends_like_sentence(std::string_view text) {
  if (text.empty()) return false;
  const auto last = static_cast<unsigned char>(text.back());
  if (last == '.' || last == '!' || last == '?') return true;
  const bool letter_or_digit = static_cast<unsigned char>((last | 0x20) - 'a') < 26 || static_cast<unsigned char>(last - '0') < 10;
  return !letter_or_digit && ends_like_sentence_slowly(text);
}

// The extra weight of Han, kana, fullwidth (2 more) and Hangul (1 more) characters, on top of
// the 1 every character counts. Their lead bytes are 0xE1 to 0xEF; ASCII is skipped 8 bytes at
// a time.
std::size_t wide_character_extra(std::string_view text) {
  std::size_t extra = 0;
  for (std::size_t i = swar::next_high_byte(text, 0); i + 2 < text.size(); i = swar::next_high_byte(text, i)) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xE1 || c > 0xEF) {
      ++i;
      continue;
    }
    const unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    const bool hangul = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
    const bool han_or_kana = (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                             (cp >= 0xFF00 && cp <= 0xFFEF);
    extra += han_or_kana ? 2 : hangul ? 1 : 0;
    i += 3;
  }
  return extra;
}

// Zero bytes after a line's lowercased text in its buffer: whole 64-byte blocks can be read, and
// every word has the bytes after it that word_hash_padded() reads.
constexpr std::size_t kPadding = 64;
static_assert(kPadding >= kWordHashPadding);

// What the first byte of a word (in the original text) adds to the counts: a digit to the low
// half, an upper-case letter to the high half.
constexpr std::array<std::uint64_t, 256> kFirstByteCounts = [] {
  std::array<std::uint64_t, 256> counts{};
  for (unsigned c = '0'; c <= '9'; ++c) counts[c] = 1;
  for (unsigned c = 'A'; c <= 'Z'; ++c) counts[c] = std::uint64_t{1} << 32;
  return counts;
}();

// Where a line's words go first: their edges (each word's first byte, then the byte after its
// last), in the shape's edge buffer, which holds n + 1 of them, the most a line of n bytes has
// (words are at least one byte apart). The word loops only write edges;
// finish() then makes the words, hashes and counts them in a loop of its own, which needs few
// registers and no branch but the rare long word's.
class WordWriter {
 public:
  WordWriter(LineShape& shape, const char* lower, std::string_view text, std::uint32_t* edges)
      : shape_(shape), lower_(lower), text_(reinterpret_cast<const unsigned char*>(text.data())), edges_(edges), end_(edges) {}

  // The word at [start, end) of the line.
  [[gnu::always_inline]] void add(std::size_t start, std::size_t end) {
    end_[0] = static_cast<std::uint32_t>(start);
    end_[1] = static_cast<std::uint32_t>(end);
    end_ += 2;
  }

  // Where edges are written directly (add_ascii_words), and their end once written.
  std::uint32_t* edges_end() const { return end_; }
  void set_edges_end(std::uint32_t* end) { end_ = end; }

  std::size_t count() const { return static_cast<std::size_t>(end_ - edges_) / 2; }

  // Makes the words (count() of them) at `words` and their hashes at `hashes`, and the counts.
  void finish(std::string_view* words, std::uint64_t* hashes) {
    const std::size_t count = this->count();
    const std::uint32_t* edges = edges_;
    std::uint64_t first_byte_counts = 0;  // see kFirstByteCounts
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint32_t start = edges[2 * i];
      const std::size_t size = edges[2 * i + 1] - start;
      const char* word = lower_ + start;
      words[i] = std::string_view(word, size);
      hashes[i] = size <= 16 ? short_word_hash_padded(word, size) : word_hash_padded(word, size);
      first_byte_counts += kFirstByteCounts[text_[start]];
    }
    shape_.digit_words = static_cast<std::uint32_t>(first_byte_counts);
    shape_.capitalized_words = first_byte_counts >> 32;
    shape_.alphabetic_words = count - shape_.digit_words;
  }

 private:
  LineShape& shape_;  // for the counts
  const char* lower_;
  const unsigned char* text_;
  std::uint32_t* edges_;
  std::uint32_t* end_;  // after the last edge written
};

// The words of the lowercased line (`n` bytes at `lower`, padded), one byte at a time (see
// kByteClasses): any text.
void add_words(const char* lower, std::size_t n, WordWriter& out) {
  const std::string_view line(lower, n);
  // The padding's zeros are separators, which end the last word without a bounds test per byte.
  for (std::size_t i = 0; i < n;) {
    const ByteClass leading = kByteClasses[static_cast<unsigned char>(lower[i])];
    if (leading != ByteClass::kWord) {  // a separator, or an apostrophe before any letter
      i += leading == ByteClass::kTwoByteSeparator ? 2 : leading == ByteClass::kThreeByteSeparator ? 3 : 1;
      continue;
    }
    const std::size_t start = i;
    while (true) {
      while (kByteClasses[static_cast<unsigned char>(lower[i])] <= ByteClass::kApostrophe) ++i;
      if (lower[i] != '\xE2' || !is_inner_apostrophe(line, i)) break;
      i += 3;
    }
    out.add(start, i);
  }
}

#if defined(__SSE2__)
// Whether the text's characters beyond ASCII are all ones that add_words() takes as separators
// (kByteClasses: those led by 0xC2 or 0xE2, « » © · no-break space, curly quotes, dashes,
// bullets), none of them a right single quote before a letter (which may stay inside a word):
// add_ascii_words(), which takes every byte above 0x7F as a separator, then finds the same words.
// (The shingle tokenizer has a check of its own: its words are Unicode letters and digits.)
bool only_separators_beyond_ascii(std::string_view line) {
  const std::size_t n = line.size();
  for (std::size_t i = swar::next_high_byte(line, 0); i < n; i = swar::next_high_byte(line, i)) {
    const ByteClass leading = kByteClasses[static_cast<unsigned char>(line[i])];
    if (leading == ByteClass::kTwoByteSeparator) {
      i += 2;
    } else if (leading == ByteClass::kThreeByteSeparator && !is_inner_apostrophe(line, i)) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// What lower_and_mark() learns of a line.
struct LineBlocks {
  bool beyond_ascii = false;  // whether the line holds a byte above 0x7F
  bool apostrophes = false;   // whether the line holds a "'"
};

// One pass over a line copied into its padded buffer (`n` bytes at `line`, zeros up to the end
// of its last 64-byte block): lowercases its ASCII letters in place and marks in word_masks[b]
// (one per block of 64 bytes) the bytes of its words as add_words() finds them in ASCII, every
// byte above 0x7F taken as a separator: a word is a run of letters, digits and apostrophes
// without the apostrophes that open it. (Lowercasing and classifying the same bytes in one pass
// reads and compares each 16 bytes once.) Characters are not counted here: nearly every line is
// ASCII, where they are its bytes.
LineBlocks lower_and_mark(char* line, std::size_t n, std::uint64_t* word_masks) {
  const auto bits = [](__m128i mask) { return std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(mask))}; };
  __m128i any_bytes = _mm_setzero_si128();  // the line's bytes or'ed: its top bit says whether any is above 0x7F
  std::uint64_t any_apostrophe = 0;
  std::uint64_t run_continues = 0;      // bit 0: the previous block ended inside a run
  std::uint64_t opening_continues = 0;  // bit 0: ... inside a run's opening apostrophes
  const std::size_t blocks = (n + 63) / 64;
  for (std::size_t b = 0; b < blocks; ++b) {
    std::uint64_t alphanumeric = 0;
    std::uint64_t apostrophe = 0;
    for (int part = 0; part < 4; ++part) {
      auto* at = reinterpret_cast<__m128i*>(line + 64 * b + 16 * part);
      const __m128i bytes = _mm_loadu_si128(at);
      const __m128i lower = _mm_add_epi8(bytes, _mm_and_si128(bytes_in_range(bytes, 'A', 26), _mm_set1_epi8(0x20)));
      _mm_storeu_si128(at, lower);
      const __m128i letter_or_digit = _mm_or_si128(bytes_in_range(lower, 'a', 26), bytes_in_range(lower, '0', 10));
      alphanumeric |= bits(letter_or_digit) << (16 * part);
      apostrophe |= bits(_mm_cmpeq_epi8(lower, _mm_set1_epi8('\''))) << (16 * part);
      any_bytes = _mm_or_si128(any_bytes, bytes);
    }
    any_apostrophe |= apostrophe;
    const std::uint64_t run = alphanumeric | apostrophe;
    const std::uint64_t run_starts = run & ~((run << 1) | run_continues);
    // Adding a run of apostrophes' lowest bit clears the run: the runs that open a run of word
    // bytes are those it clears.
    const std::uint64_t opening_starts = (run_starts | opening_continues) & apostrophe;
    const std::uint64_t opening = apostrophe & ~(apostrophe + opening_starts);
    word_masks[b] = run & ~opening;
    run_continues = run >> 63;
    opening_continues = opening >> 63;
  }
  return {_mm_movemask_epi8(any_bytes) != 0, any_apostrophe != 0};
}

// The words of a line from its blocks' word masks (lower_and_mark): ASCII text, or text whose
// other characters only separate words (only_separators_beyond_ascii). A word's edges are where
// the mask changes, so each block's changes are its edges in order, found without a branch per
// byte; a word to the end of the last block (a line of whole blocks) ends at the line's end.
void add_ascii_words(const std::uint64_t* word_masks, std::size_t n, WordWriter& out) {
  const std::size_t blocks = (n + 63) / 64;
  std::uint32_t* edges = out.edges_end();
  std::uint64_t word_continues = 0;  // bit 0: the previous block ended inside a word
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::uint64_t word = word_masks[b];
    std::uint64_t changes = word ^ ((word << 1) | word_continues);
    word_continues = word >> 63;
    const auto base = static_cast<std::uint32_t>(64 * b);
    while (changes != 0) {
      *edges++ = base + static_cast<std::uint32_t>(std::countr_zero(changes));
      changes &= changes - 1;
    }
  }
  if (word_continues != 0) *edges++ = static_cast<std::uint32_t>(n);
  out.set_edges_end(edges);
}
#endif

// Lowercases the ASCII letters of a line copied into its padded buffer (`n` bytes at `line`,
// zeros after them), in place; whether a byte of the line is above 0x7F.
bool lower_in_place(char* line, std::size_t n) {
#if defined(__SSE2__)
  __m128i any_bytes = _mm_setzero_si128();
  for (std::size_t i = 0; i < n; i += 16) {
    auto* at = reinterpret_cast<__m128i*>(line + i);
    const __m128i bytes = _mm_loadu_si128(at);
    // Bytes in 'A'..'Z' with one addition and one signed compare (see lower_and_mark).
    const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(0x80 - 'A')));
    const __m128i upper = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
    _mm_storeu_si128(at, _mm_add_epi8(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    any_bytes = _mm_or_si128(any_bytes, bytes);
  }
  return _mm_movemask_epi8(any_bytes) != 0;
#else
  unsigned char any_bytes = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c >= 'A' && c <= 'Z') line[i] = static_cast<char>(c + 0x20);
    any_bytes |= c;
  }
  return any_bytes >= 0x80;
#endif
}

// Copies `text` into the shape's buffer, zeros after it, and points `lower` at it; the buffer.
[[gnu::always_inline]] inline char* copy_padded(std::string_view text, std::vector<char>& buffer, std::string_view& lower) {
  const std::size_t n = text.size();
  // The buffer only grows: what lies past a shorter line's padding is never read.
  if (buffer.size() < n + kPadding) buffer.resize(n + kPadding);
  char* const out = buffer.data();
  if (n > 0) std::memcpy(out, text.data(), n);
  std::memset(out + n, 0, kPadding);
  lower = std::string_view(out, n);
  return out;
}

// The shape's fields that come from the line's ends and its characters.
[[gnu::always_inline]] inline void set_line_ends_and_length(std::string_view text, bool beyond_ascii, LineShape& shape) {
  shape.ends_with_sentence_punctuation = ends_like_sentence(text);
  shape.starts_upper = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
  // In ASCII every byte is a character; beyond it, Han, kana and Hangul weigh more.
  shape.weighted_length = beyond_ascii ? count_characters(text) + wide_character_extra(text) : text.size();
}

}  // namespace

LineShape::LineShape(const LineShape& other) { *this = other; }

LineShape& LineShape::operator=(const LineShape& other) {
  if (this == &other) return *this;
  lower_buffer_ = other.lower_buffer_;
  lower = std::string_view(lower_buffer_.data(), other.lower.size());
  word_buffer_.clear();
  word_buffer_.reserve(other.words.size());
  for (std::string_view word : other.words)
    word_buffer_.emplace_back(lower.data() + (word.data() - other.lower.data()), word.size());
  hash_buffer_.assign(other.word_hashes.begin(), other.word_hashes.end());
  words = word_buffer_;
  word_hashes = hash_buffer_;
  word_count_ = other.word_count_;
  plain_words = other.plain_words;
  capitalized_words = other.capitalized_words;
  alphabetic_words = other.alphabetic_words;
  digit_words = other.digit_words;
  ends_with_sentence_punctuation = other.ends_with_sentence_punctuation;
  starts_upper = other.starts_upper;
  weighted_length = other.weighted_length;
  return *this;
}

std::size_t LineShape::buffer_capacity() const {
  return lower_buffer_.capacity() > kPadding ? lower_buffer_.capacity() - kPadding : 0;
}

void LineShape::release_buffers() {
  lower = {};
  word_count_ = 0;
  std::vector<char>().swap(lower_buffer_);
  std::vector<std::uint32_t>().swap(edge_buffer_);
  words = {};
  word_hashes = {};
  std::vector<std::string_view>().swap(word_buffer_);
  std::vector<std::uint64_t>().swap(hash_buffer_);
}

LineShape describe(std::string_view text) {
  LineShape shape;
  describe(text, shape);
  return shape;
}

void describe(std::string_view text, LineShape& shape) {
  const std::size_t n = text.size();
  char* const lower = copy_padded(text, shape.lower_buffer_, shape.lower);
  if (shape.edge_buffer_.size() < n + 1) shape.edge_buffer_.resize(n + 1);
  std::uint32_t* edges = shape.edge_buffer_.data();
  WordWriter words(shape, lower, text, edges);
  bool beyond_ascii = true;
#if defined(__SSE2__)
  // Lines of up to 2 KiB (nearly all) keep their blocks' masks on the stack, where the compiler
  // knows nothing else writes them (masks in a buffer of the shape took 1.4% more instructions).
  constexpr std::size_t kStackBlocks = 32;
  std::uint64_t stack_masks[kStackBlocks];
  std::vector<std::uint64_t> heap_masks;
  std::uint64_t* word_masks = stack_masks;
  if (n > 64 * kStackBlocks) {
    heap_masks.resize((n + 63) / 64);
    word_masks = heap_masks.data();
  }
  const LineBlocks blocks = lower_and_mark(lower, n, word_masks);
  beyond_ascii = blocks.beyond_ascii;
  if (!beyond_ascii || only_separators_beyond_ascii(shape.lower)) {
    shape.plain_words = !blocks.apostrophes;
    add_ascii_words(word_masks, n, words);
  } else {
    shape.plain_words = false;
    add_words(lower, n, words);
  }
#else
  beyond_ascii = lowercase_ascii(text, lower).highest >= 0x80;
  shape.plain_words = false;
  add_words(lower, n, words);
#endif
  const std::size_t count = words.count();
  // The arrays only grow (LineShape): past the largest count so far, nothing is filled in twice.
  if (shape.word_buffer_.size() < count) {
    shape.word_buffer_.resize(count);
    shape.hash_buffer_.resize(count);
  }
  words.finish(shape.word_buffer_.data(), shape.hash_buffer_.data());
  shape.words = {shape.word_buffer_.data(), count};
  shape.word_hashes = {shape.hash_buffer_.data(), count};
  shape.word_count_ = count;
  set_line_ends_and_length(text, beyond_ascii, shape);
}

void describe_light(std::string_view text, std::size_t word_count, LineShape& shape) {
  char* const lower = copy_padded(text, shape.lower_buffer_, shape.lower);
  const bool beyond_ascii = lower_in_place(lower, text.size());
  shape.word_count_ = word_count;
  shape.words = {};
  shape.word_hashes = {};
  shape.plain_words = false;
  shape.capitalized_words = 0;
  shape.alphabetic_words = 0;
  shape.digit_words = 0;
  set_line_ends_and_length(text, beyond_ascii, shape);
}

}  // namespace newsdedup
