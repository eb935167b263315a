#include "text/dateline.h"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "text/byte_blocks.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kMaxDatelineBytes = 60;
constexpr std::size_t kMaxDatelineWords = 7;

#if !defined(__SSE2__)
// A dateline names a place, an agency or a date: every word capitalised, a number, or inside
// parentheses; no sentence punctuation.
bool is_dateline_prefix(std::string_view prefix) {
  std::size_t words = 0;
  bool in_parentheses = false;
  bool at_word_start = true;
  for (char c : prefix) {
    if (c == '(') in_parentheses = true;
    if (c == ')') in_parentheses = false;
    if (c == ' ' || c == ',' || c == '(' || c == ')') {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      ++words;
      at_word_start = false;
      const bool upper = c >= 'A' && c <= 'Z';
      const bool digit = c >= '0' && c <= '9';
      if (!upper && !digit && !in_parentheses) return false;
    }
  }
  return words >= 1 && words <= kMaxDatelineWords;
}
#else
// A dateline names a place, an agency or a date: every word capitalised, a number, or inside
// parentheses; no sentence punctuation.
// is_dateline_prefix() of the first `size` bytes (at most kMaxDatelineBytes) of the 64 at
// `block`, whose spaces are `spaces`, from bit masks: a word starts at a byte that is no
// separator after one that is (or at 0); a start that is no capital or digit must be inside
// parentheses, that is, the last parenthesis before it must open one. A byte loop took ~12
// instructions a byte.
bool is_dateline_prefix(const char* block, std::uint64_t spaces, std::size_t size) {
  const auto bytes_equal = [&](char wanted) {
    return block_mask(block, [&](__m128i part) { return _mm_cmpeq_epi8(part, _mm_set1_epi8(wanted)); });
  };
  const std::uint64_t prefix = (std::uint64_t{1} << size) - 1;
  const std::uint64_t opens = bytes_equal('(');
  const std::uint64_t closes = bytes_equal(')');
  const std::uint64_t in_word = ~(spaces | bytes_equal(',') | opens | closes) & prefix;
  const std::uint64_t starts = in_word & ~(in_word << 1);
  if (starts == 0) return false;
  std::uint64_t beyond_limit = starts;  // the starts past the first kMaxDatelineWords
  for (std::size_t word = 0; word < kMaxDatelineWords && beyond_limit != 0; ++word) beyond_limit &= beyond_limit - 1;
  if (beyond_limit != 0) return false;
  const std::uint64_t capital_or_digit =
      block_mask(block, [&](__m128i part) { return _mm_or_si128(bytes_in_range(part, 'A', 26), bytes_in_range(part, '0', 10)); });
  for (std::uint64_t other = starts & ~capital_or_digit; other != 0; other &= other - 1) {
    const std::uint64_t before = (other & -other) - 1;
    // Parentheses are distinct bytes, so the later of the last '(' and the last ')' is the
    // larger of the two masks.
    if ((opens & before) <= (closes & before)) return false;
  }
  return true;
}
#endif

}  // namespace

std::string_view strip_leading_dateline(std::string_view body) {
  const std::string_view head = body.substr(0, kMaxDatelineBytes);
  static constexpr std::array kSeparators = {" - "sv, " -- "sv, " \u2014 "sv, " \u2013 "sv, " : "sv, ": "sv};
#if defined(__SSE2__)
  // Where a separator can start, from bit masks of the head (a copy, padded with zeros to a
  // block, or the body's first 64 bytes): a space before '-', ':' or an en or em dash's first
  // byte, or a colon before a space. A pass of a byte at a time tested six separators at every
  // space and colon.
  static_assert(kMaxDatelineBytes < 64);
  char block[64];
  if (body.size() >= sizeof block) {
    std::memcpy(block, body.data(), sizeof block);  // a fixed copy; bytes past the head are masked off
  } else {
    std::memset(block, 0, sizeof block);
    std::memcpy(block, body.data(), body.size());
  }
  const auto bytes_equal = [&](char wanted) {
    return block_mask(block, [&](__m128i part) { return _mm_cmpeq_epi8(part, _mm_set1_epi8(wanted)); });
  };
  const std::uint64_t in_head = (std::uint64_t{1} << head.size()) - 1;
  const std::uint64_t spaces = bytes_equal(' ');
  const std::uint64_t colons = bytes_equal(':');
  const std::uint64_t after_space = bytes_equal('-') | colons | bytes_equal('\xE2');
  std::uint64_t starts = ((spaces & (after_space >> 1)) | (colons & (spaces >> 1))) & in_head;
  for (; starts != 0; starts &= starts - 1) {
    const auto at = static_cast<std::size_t>(std::countr_zero(starts));
    const std::string_view rest = head.substr(at);
    for (std::string_view separator : kSeparators) {
      if (!rest.starts_with(separator)) continue;
      return at > 0 && is_dateline_prefix(block, spaces, at) ? body.substr(at + separator.size()) : body;
    }
  }
  return body;
#else
  for (std::size_t at = 0; at < head.size(); ++at) {
    if (head[at] != ' ' && head[at] != ':') continue;
    for (std::string_view separator : kSeparators) {
      if (!head.substr(at).starts_with(separator)) continue;
      return at > 0 && is_dateline_prefix(body.substr(0, at)) ? body.substr(at + separator.size()) : body;
    }
  }
  return body;
#endif
}

}  // namespace newsdedup
