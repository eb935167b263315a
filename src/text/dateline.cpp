#include "text/dateline.h"

#include <array>
#include <cstddef>

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
  // The first separator in the head, found in one pass: a find() per separator went over the
  // head six times, with a memchr call at every space.
  for (std::size_t at = 0; at < head.size(); ++at) {
    if (head[at] != ' ' && head[at] != ':') continue;
    const std::string_view rest = head.substr(at);
    for (std::string_view separator : kSeparators) {
      if (!rest.starts_with(separator)) continue;
      return at > 0 && is_dateline_prefix(body.substr(0, at)) ? body.substr(at + separator.size()) : body;
    }
  }
  return body;
}

}  // namespace newsdedup
