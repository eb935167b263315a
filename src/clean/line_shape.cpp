#include "clean/line_shape.h"

namespace newsdedup {
namespace {

bool is_word_byte(unsigned char c) {
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

bool ends_like_sentence(std::string_view text) {
  while (!text.empty()) {
    const char c = text.back();
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      text.remove_suffix(1);
      continue;
    }
    if (text.ends_with("\u201D") || text.ends_with("\u2019")) {  // closing curly quotes
      text.remove_suffix(3);
      continue;
    }
    break;
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// Points `words`, views into a string that started at `old_base`, at the same bytes of `lower`.
void rebase(std::vector<std::string_view>& words, const char* old_base, const std::string& lower) {
  for (std::string_view& word : words) word = std::string_view(lower.data() + (word.data() - old_base), word.size());
}

}  // namespace

LineShape::LineShape(const LineShape& other) { *this = other; }

LineShape::LineShape(LineShape&& other) noexcept { *this = std::move(other); }

LineShape& LineShape::operator=(const LineShape& other) {
  if (this == &other) return *this;
  lower = other.lower;
  words = other.words;
  rebase(words, other.lower.data(), lower);
  capitalized_words = other.capitalized_words;
  alphabetic_words = other.alphabetic_words;
  digit_words = other.digit_words;
  ends_with_sentence_punctuation = other.ends_with_sentence_punctuation;
  starts_upper = other.starts_upper;
  return *this;
}

LineShape& LineShape::operator=(LineShape&& other) noexcept {
  if (this == &other) return *this;
  const char* old_base = other.lower.data();  // before the move: a short string's bytes move too
  lower = std::move(other.lower);
  words = std::move(other.words);
  rebase(words, old_base, lower);
  capitalized_words = other.capitalized_words;
  alphabetic_words = other.alphabetic_words;
  digit_words = other.digit_words;
  ends_with_sentence_punctuation = other.ends_with_sentence_punctuation;
  starts_upper = other.starts_upper;
  other.words.clear();
  return *this;
}

LineShape describe(std::string_view text) {
  LineShape shape;
  shape.lower.resize(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    shape.lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view lower = shape.lower;
  for (std::size_t i = 0; i < lower.size();) {
    if (const std::size_t skip = separator_length(lower, i); skip > 0) {
      i += skip;
      continue;
    }
    const std::size_t start = i;
    while (i < lower.size() && (lower[i] == '\'' || separator_length(lower, i) == 0)) ++i;
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
  return shape;
}

}  // namespace newsdedup
