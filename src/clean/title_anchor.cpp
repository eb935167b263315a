#include "clean/title_anchor.h"

#include <algorithm>
#include <array>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

// The separators a <title> puts between the headline, the section and the site's name.
constexpr std::array kSeparators = {" - "sv, " | "sv, " \u2013 "sv, " \u2014 "sv, " : "sv, " :: "sv,
                                    " \u00BB "sv, " \u00B7 "sv};
// A part this short is a site name or a section ("News", "BBC"), not a headline.
constexpr std::size_t kMinHeadlineBytes = 10;
constexpr std::size_t kMaxParts = 16;

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

bool has_two_words(std::string_view text) { return text.find(' ') != std::string_view::npos; }

// The bytes that follow the space of a separator: '-', '|', ':', and the lead bytes of the dashes
// (0xE2) and of » and · (0xC2). A title that lacks a separator's byte lacks the separator.
constexpr std::array<char, 5> kSeparatorBytes = {'-', '|', ':', '\xE2', '\xC2'};

constexpr unsigned separator_byte_bit(char byte) {
  for (unsigned i = 0; i < kSeparatorBytes.size(); ++i)
    if (kSeparatorBytes[i] == byte) return 1u << i;
  return 0;
}

// Which of kSeparatorBytes the title holds (bit i: kSeparatorBytes[i]), in one pass for all the
// separators: most titles hold none of them. `title` is a shape's `lower`, whose buffer has zero
// bytes after it (LineShape), so it is read 16 bytes at a time to its end.
unsigned separator_bytes_in(std::string_view title) {
  unsigned found = 0;
#if defined(__SSE2__)
  __m128i seen[kSeparatorBytes.size()];
  for (__m128i& lanes : seen) lanes = _mm_setzero_si128();
  for (std::size_t i = 0; i < title.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(title.data() + i));
    for (std::size_t k = 0; k < kSeparatorBytes.size(); ++k)
      seen[k] = _mm_or_si128(seen[k], _mm_cmpeq_epi8(bytes, _mm_set1_epi8(kSeparatorBytes[k])));
  }
  for (std::size_t k = 0; k < kSeparatorBytes.size(); ++k)
    found |= _mm_movemask_epi8(seen[k]) != 0 ? 1u << k : 0u;
#else
  for (const char c : title) found |= separator_byte_bit(c);
#endif
  return found;
}

}  // namespace

std::optional<std::size_t> find_title_anchor(std::span<const LineShape> paragraphs) {
  if (paragraphs.size() < 2) return std::nullopt;
  const std::string_view title = paragraphs.front().lower;
  std::array<std::string_view, kMaxParts> variants{};
  std::size_t count = 0;
  if (title.size() >= kMinHeadlineBytes && has_two_words(title)) variants[count++] = title;
  // Every separator starts with a space, which most titles hold many of; the byte after it most
  // titles lack, which settles those.
  static constexpr auto kSeparatorByteBits = [] {
    std::array<unsigned, kSeparators.size()> bits{};
    for (std::size_t i = 0; i < kSeparators.size(); ++i) bits[i] = separator_byte_bit(kSeparators[i][1]);
    return bits;
  }();
  const unsigned separator_bytes = separator_bytes_in(title);
  for (std::size_t s = 0; s < kSeparators.size(); ++s) {
    if ((separator_bytes & kSeparatorByteBits[s]) == 0) continue;
    const std::string_view separator = kSeparators[s];
    for (std::size_t start = 0; start < title.size() && count < kMaxParts;) {
      const std::size_t at = title.find(separator, start);
      if (at == std::string_view::npos && start == 0) break;  // the separator is not in the title
      const std::size_t end = at == std::string_view::npos ? title.size() : at;
      const std::string_view part = trim(title.substr(start, end - start));
      if (part.size() >= kMinHeadlineBytes && has_two_words(part)) variants[count++] = part;
      if (at == std::string_view::npos) break;
      start = at + separator.size();
    }
  }
  if (count == 0) return std::nullopt;
  // The headline is the title's longest part; the site's or section's name is a short one
  // ("India Post", "Business") that a menu may print anywhere.
  std::size_t longest_part = variants[0].size();
  if (count > 1) {
    longest_part = 0;
    for (std::size_t v = 0; v < count; ++v)
      if (variants[v] != title) longest_part = std::max(longest_part, variants[v].size());
  }
  for (std::size_t i = 1; i < paragraphs.size(); ++i) {
    const std::string_view candidate = paragraphs[i].lower;
    if (2 * candidate.size() < longest_part) continue;
    for (std::size_t v = 0; v < count; ++v)
      if (candidate == variants[v]) return i;
  }
  return std::nullopt;
}

}  // namespace newsdedup
