#include "clean/title_anchor.h"

#include <algorithm>
#include <array>
#include <string_view>

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

}  // namespace

std::optional<std::size_t> find_title_anchor(std::span<const LineShape> paragraphs) {
  if (paragraphs.size() < 2) return std::nullopt;
  const std::string_view title = paragraphs.front().lower;
  std::array<std::string_view, kMaxParts> variants{};
  std::size_t count = 0;
  if (title.size() >= kMinHeadlineBytes && has_two_words(title)) variants[count++] = title;
  for (std::string_view separator : kSeparators) {
    // Every separator starts with a space, which most titles hold many of; the byte after it
    // ("-", "|", ":", or a lead byte) most titles lack, and one memchr for it settles those.
    if (title.find(separator[1]) == std::string_view::npos) continue;
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
