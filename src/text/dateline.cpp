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

}  // namespace

std::string_view strip_leading_dateline(std::string_view body) {
  const std::string_view head = body.substr(0, kMaxDatelineBytes);
  static constexpr std::array kSeparators = {" - "sv, " -- "sv, " \u2014 "sv, " \u2013 "sv, " : "sv, ": "sv};
  // The dateline ends at the first separator in the head, if any.
  const auto ends_here = [&](std::size_t at, std::string_view& result) {
    const std::string_view rest = head.substr(at);
    for (std::string_view separator : kSeparators) {
      if (!rest.starts_with(separator)) continue;
      result = at > 0 && is_dateline_prefix(body.substr(0, at)) ? body.substr(at + separator.size()) : body;
      return true;
    }
    return false;
  };
  std::string_view result = body;
#if defined(__SSE2__)
  // Where a separator can start, from bit masks of the head (a copy, padded with zeros to a
  // block): a space before '-', ':' or an en or em dash's first byte, or a colon before a space.
  // A pass of a byte at a time tested six separators at every space and colon.
  static_assert(kMaxDatelineBytes <= 64);
  char block[64] = {};
  std::memcpy(block, head.data(), head.size());
  const auto bytes_equal = [&](char wanted) {
    return block_mask(block, [&](__m128i part) { return _mm_cmpeq_epi8(part, _mm_set1_epi8(wanted)); });
  };
  const std::uint64_t spaces = bytes_equal(' ');
  const std::uint64_t colons = bytes_equal(':');
  const std::uint64_t after_space = bytes_equal('-') | colons | bytes_equal('\xE2');
  for (std::uint64_t starts = (spaces & (after_space >> 1)) | (colons & (spaces >> 1)); starts != 0; starts &= starts - 1)
    if (ends_here(static_cast<std::size_t>(std::countr_zero(starts)), result)) return result;
#else
  for (std::size_t at = 0; at < head.size(); ++at)
    if ((head[at] == ' ' || head[at] == ':') && ends_here(at, result)) return result;
#endif
  return result;
}

}  // namespace newsdedup
