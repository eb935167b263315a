#include "clean/paragraph.h"

#include <algorithm>

namespace newsdedup {
namespace {

constexpr std::size_t kMinWrapWidth = 40;
constexpr std::size_t kMaxWrapWidth = 100;

std::size_t first_word_length(std::string_view line) {
  const std::size_t space = line.find(' ');
  return space == std::string_view::npos ? line.size() : space;
}

// A hard wrap broke `line` before `next` when next's first word would not have fit on it.
bool wrapped_before(std::string_view line, std::string_view next, std::size_t width) {
  return line.size() + 1 + first_word_length(next) > width;
}

// Hard-wrapped prose ends its paragraph like a sentence; a list of headlines does not.
bool ends_like_prose(std::string_view line) {
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
  if (line.ends_with("\u201D") || line.ends_with("\u2019")) line.remove_suffix(3);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':' ||
                           line.back() == ';');
}

// Appends the paragraphs of one block (lines [begin, end)) to `out`.
void split_block(const std::vector<std::string_view>& lines, std::uint32_t begin, std::uint32_t end,
                 std::vector<Paragraph>& out) {
  std::size_t width = 0;
  for (std::uint32_t i = begin; i < end; ++i) width = std::max(width, lines[i].size());
  bool wrapped = end - begin >= 2 && width >= kMinWrapWidth && width <= kMaxWrapWidth;
  if (wrapped) {
    // Hard-wrapped text breaks most lines at the width; a list of short lines does not.
    std::uint32_t breaks = 0;
    for (std::uint32_t i = begin; i + 1 < end; ++i) breaks += wrapped_before(lines[i], lines[i + 1], width);
    wrapped = 2 * breaks >= end - begin - 1;
  }
  bool starts_block = true;
  for (std::uint32_t i = begin; i < end;) {
    std::uint32_t last = i;
    if (wrapped) {
      while (last + 1 < end && wrapped_before(lines[last], lines[last + 1], width)) ++last;
      if (!ends_like_prose(lines[last])) last = i;
    }
    Paragraph paragraph{i, last, starts_block, std::string(lines[i])};
    for (std::uint32_t j = i + 1; j <= last; ++j) {
      paragraph.text.push_back(' ');
      paragraph.text.append(lines[j]);
    }
    out.push_back(std::move(paragraph));
    starts_block = false;
    i = last + 1;
  }
}

}  // namespace

SplitText split_paragraphs(std::string_view text) {
  SplitText split;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    split.lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  const auto count = static_cast<std::uint32_t>(split.lines.size());
  for (std::uint32_t i = 0; i < count;) {
    if (split.lines[i].empty()) {
      ++i;
      continue;
    }
    std::uint32_t end = i;
    while (end < count && !split.lines[end].empty()) ++end;
    split_block(split.lines, i, end, split.paragraphs);
    i = end;
  }
  return split;
}

}  // namespace newsdedup
