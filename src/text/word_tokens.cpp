#include "text/word_tokens.h"

#include <utf8proc.h>
// Inlined: most words are a few bytes, where a call into the library costs as much as the hash.
#define XXH_INLINE_ALL
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

// A word of at most four bytes as one integer, so that it is compared with every abbreviation
// without a call to memcmp.
constexpr std::uint32_t pack_short(std::string_view word) {
  std::uint32_t packed = 0;
  for (std::size_t i = 0; i < word.size(); ++i) packed |= std::uint32_t{static_cast<unsigned char>(word[i])} << (8 * i);
  return packed;
}

constexpr std::array<std::uint32_t, kCanonical.size()> kPackedAbbreviations = [] {
  std::array<std::uint32_t, kCanonical.size()> packed{};
  for (std::size_t i = 0; i < kCanonical.size(); ++i) packed[i] = pack_short(kCanonical[i].first);
  return packed;
}();

std::uint64_t hash_word(std::string_view word) {
  if (word.size() <= kLongestAbbreviation) {
    const std::uint32_t packed = pack_short(word);
    for (std::size_t i = 0; i < kCanonical.size(); ++i)
      if (packed == kPackedAbbreviations[i]) return XXH3_64bits(kCanonical[i].second.data(), kCanonical[i].second.size());
  }
  return XXH3_64bits(word.data(), word.size());
}

constexpr bool is_ascii_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
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
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!is_ascii_word_byte(c)) {
        flush();
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      bool upper = c <= 'Z' && c >= 'A';
      for (; end < n && is_ascii_word_byte(static_cast<unsigned char>(text[end])); ++end)
        upper |= text[end] <= 'Z' && text[end] >= 'A';
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
