#include "clean/line_shape.h"

#include <algorithm>
#include <array>
#include <utility>

namespace newsdedup {
namespace {

constexpr bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
}

// Length of the character at `i` when it separates words, else 0. Multi-byte characters led
// by 0xC2 (Latin-1 punctuation such as « » © ·) or 0xE2 (general punctuation: curly quotes,
// dashes, bullets, arrows) are separators; other non-ASCII characters are letters.
std::size_t separator_length(std::string_view text, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return (is_word_byte(c) && c != '\'') ? 0 : 1;
  if (c == 0xC2) return 2;
  if (c == 0xE2) return 3;
  return 0;
}

// U+2019 at `i` with a letter or digit right after it: an apostrophe inside a word.
bool is_inner_apostrophe(std::string_view text, std::size_t i) {
  if (i + 3 >= text.size() || text[i] != '\xE2' || text[i + 1] != '\x80' || text[i + 2] != '\x99') return false;
  const unsigned char next = static_cast<unsigned char>(text[i + 3]);
  return next != '\'' && separator_length(text, i + 3) == 0;
}

// What each byte of lowercased text is to the tokenizer, in the order the word loop tests:
// bytes up to kApostrophe continue a word.
enum class ByteClass : unsigned char { kWord, kApostrophe, kSeparator, kTwoByteSeparator, kThreeByteSeparator };

constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    classes[c] = byte == '\'' ? ByteClass::kApostrophe
                 : byte < 0x80 ? (is_word_byte(byte) ? ByteClass::kWord : ByteClass::kSeparator)
                 : byte == 0xC2 ? ByteClass::kTwoByteSeparator
                 : byte == 0xE2 ? ByteClass::kThreeByteSeparator
                                : ByteClass::kWord;
  }
  return classes;
}();

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

}  // namespace

// `words` view `lower`; a short string lives inside the object, so a copied or moved shape
// must point its words at its own buffer.
LineShape::LineShape(const LineShape& other) { *this = other; }

LineShape::LineShape(LineShape&& other) noexcept { *this = std::move(other); }

namespace {

// Everything but `lower` and `words`, which need re-pointing.
void copy_counts(const LineShape& from, LineShape& to) {
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
  shape.lower.resize(n);
  shape.words.clear();
  shape.capitalized_words = 0;
  shape.alphabetic_words = 0;
  shape.digit_words = 0;
  // Simple loops over plain arrays, which the compiler vectorises.
  char* out = shape.lower.data();
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < n; ++i)
    out[i] = static_cast<char>(static_cast<unsigned>(in[i] - 'A') < 26u ? in[i] + ('a' - 'A') : in[i]);
  std::size_t characters = 0;
  unsigned char highest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    characters += (in[i] & 0xC0) != 0x80;
    highest = std::max(highest, in[i]);
  }
  const bool wide_possible = highest >= 0xE1;  // a lead byte of U+1000 and above
  shape.words.reserve(n / 6 + 1);
  const std::string_view lower = shape.lower;
  // std::string keeps a '\0' after its last byte: a separator, which ends the last word without
  // a bounds test per byte.
  const char* terminated = shape.lower.c_str();
  for (std::size_t i = 0; i < n;) {
    const ByteClass leading = kByteClasses[static_cast<unsigned char>(lower[i])];
    if (leading != ByteClass::kWord) {  // a separator, or an apostrophe before any letter
      i += leading == ByteClass::kTwoByteSeparator ? 2 : leading == ByteClass::kThreeByteSeparator ? 3 : 1;
      continue;
    }
    const std::size_t start = i;
    while (true) {
      while (kByteClasses[static_cast<unsigned char>(terminated[i])] <= ByteClass::kApostrophe) ++i;
      if (terminated[i] != '\xE2' || !is_inner_apostrophe(lower, i)) break;
      i += 3;
    }
    shape.words.push_back(lower.substr(start, i - start));
    const unsigned char first = static_cast<unsigned char>(text[start]);
    if (first >= '0' && first <= '9') {
      ++shape.digit_words;
    } else {
      ++shape.alphabetic_words;
      if (first >= 'A' && first <= 'Z') ++shape.capitalized_words;
    }
  }
  shape.ends_with_sentence_punctuation = ends_like_sentence(text);
  shape.starts_upper = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
  shape.weighted_length = characters + (wide_possible ? wide_character_extra(text) : 0);
}

}  // namespace newsdedup
