#include "text/word_tokens.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <array>
#include <string>
#include <utility>

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

constexpr std::size_t kLongestAbbreviation = 4;

std::uint64_t hash_word(std::string_view word) {
  if (word.size() <= kLongestAbbreviation)
    for (const auto& [short_form, long_form] : kCanonical)
    if (word == short_form) return XXH3_64bits(long_form.data(), long_form.size());
  return XXH3_64bits(word.data(), word.size());
}

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
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        extend(i, i + 1);
        word.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        extend(i, i + 1);
        word.push_back(static_cast<char>(c - 'A' + 'a'));
      } else {
        flush();
      }
      ++i;
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

}  // namespace

void append_word_hashes(std::string_view text, std::vector<std::uint64_t>& out) {
  for_each_word(text, [&](std::string_view word, std::size_t, std::size_t) { out.push_back(hash_word(word)); });
}

std::vector<WordSpan> word_spans(std::string_view text) {
  std::vector<WordSpan> out;
  for_each_word(text, [&](std::string_view word, std::size_t begin, std::size_t end) {
    out.push_back({hash_word(word), begin, end});
  });
  return out;
}

}  // namespace newsdedup
