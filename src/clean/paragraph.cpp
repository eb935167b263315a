#include "clean/paragraph.h"

#include <algorithm>
#include <bit>

#include "text/byte_blocks.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {
namespace {

constexpr std::size_t kMinWrapWidth = 40;
constexpr std::size_t kMaxWrapWidth = 100;

// Width in characters (code points): a wrapping tool counts a curly quote as one, not three.
std::size_t width_of(std::string_view text) { return count_characters(text); }

// Whether the line's first word is wider than `room` characters. A word is a few bytes: one loop
// over them to the first space counts its characters, where a search for the space and a count
// over whole blocks would each cost more than the word; and it stops once past `room` (a line
// without spaces, as in Chinese, is one long word).
bool first_word_wider_than(std::string_view line, std::size_t room) {
  std::size_t width = 0;
  for (const char c : line) {
    if (c == ' ') break;
    width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (width > room) return true;
  }
  return false;
}

// A hard wrap broke line i before line i+1 when the next line's first word would not have fit
// on it. `widths` holds the block's line widths, from its first line `begin`.
bool wrapped_before(const std::vector<std::string_view>& lines, const std::vector<std::size_t>& widths,
                    std::uint32_t begin, std::uint32_t i, std::size_t width) {
  const std::size_t used = widths[i - begin] + 1;  // the line and a space
  return used > width || first_word_wider_than(lines[i + 1], width - used);
}

// Hard-wrapped prose ends its paragraph like a sentence; a list of headlines does not. A
// trailing reference in parentheses after the stop ("... said.(XYGP 1330)") does not count.
bool ends_like_prose(std::string_view line) {
  if (line.ends_with(')')) {
    const std::size_t open = line.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      std::string_view before = line.substr(0, open);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      if (!before.empty() && (before.back() == '.' || before.back() == '!' || before.back() == '?')) return true;
    }
  }
  while (!line.empty() && (line.back() == '"' || line.back() == '\'' || line.back() == ')')) line.remove_suffix(1);
  if (line.ends_with("\u201D") || line.ends_with("\u2019")) line.remove_suffix(3);
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':' ||
                           line.back() == ';');
}

// Where split_paragraphs() writes joined paragraphs: the buffer and the offset of its free part.
struct JoinedText {
  std::unique_ptr<char[]>& buffer;
  std::size_t capacity = 0;
  std::size_t used = 0;
};

// Lines [first, last] joined with single spaces: the line itself when there is one, else a copy
// in `joined`.
std::string_view join_lines(const std::vector<std::string_view>& lines, std::uint32_t first, std::uint32_t last,
                            JoinedText& joined) {
  if (first == last) return lines[first];
  if (!joined.buffer) joined.buffer = std::make_unique_for_overwrite<char[]>(joined.capacity);
  char* const start = joined.buffer.get() + joined.used;
  char* out = start;
  for (std::uint32_t j = first; j <= last; ++j) {
    if (j > first) *out++ = ' ';
    out = std::copy(lines[j].begin(), lines[j].end(), out);
  }
  joined.used += static_cast<std::size_t>(out - start);
  return {start, static_cast<std::size_t>(out - start)};
}

// Appends the paragraphs of one block (lines [begin, end)) to `out`.
void split_block(const std::vector<std::string_view>& lines, std::uint32_t begin, std::uint32_t end,
                 std::vector<Paragraph>& out, JoinedText& joined) {
  thread_local std::vector<std::size_t> widths;
  thread_local std::vector<unsigned char> breaks_after;  // wrapped_before() for each line of the block but the last
  bool wrapped = end - begin >= 2;
  std::size_t width = 0;
  // Each line's width is at most its size: a block of lines all shorter than the narrowest wrap
  // is no wrapped text, and needs no count of characters.
  wrapped = wrapped && std::any_of(lines.begin() + begin, lines.begin() + end,
                                   [](std::string_view line) { return line.size() >= kMinWrapWidth; });
  if (wrapped) {
    widths.resize(end - begin);
    // One line wider than any wrap width settles it: the others need not be measured. A line of
    // more than four bytes per character of that width cannot be narrower (UTF-8).
    for (std::uint32_t i = begin; i < end && width <= kMaxWrapWidth; ++i) {
      widths[i - begin] = lines[i].size() > 4 * kMaxWrapWidth ? lines[i].size() : width_of(lines[i]);
      width = std::max(width, widths[i - begin]);
    }
    wrapped = width >= kMinWrapWidth && width <= kMaxWrapWidth;
  }
  if (wrapped) {
    // Hard-wrapped text breaks most lines at the width; a list of short lines does not.
    // (Kept for the joins below, which ask again about the same lines.)
    breaks_after.resize(end - begin);
    std::uint32_t breaks = 0;
    for (std::uint32_t i = begin; i + 1 < end; ++i) {
      const bool broke = wrapped_before(lines, widths, begin, i, width);
      breaks_after[i - begin] = broke;
      breaks += broke;
    }
    wrapped = 2 * breaks >= end - begin - 1;
  }
  bool starts_block = true;
  for (std::uint32_t i = begin; i < end;) {
    std::uint32_t last = i;
    if (wrapped) {
      while (last + 1 < end && breaks_after[last - begin]) ++last;
      if (!ends_like_prose(lines[last])) last = i;
    }
    out.push_back({i, last, starts_block, join_lines(lines, i, last, joined)});
    starts_block = false;
    i = last + 1;
  }
}

}  // namespace

SplitText split_paragraphs(std::string_view text) {
  SplitText split;
  // The newlines' offsets first, so that the lists are allocated once at their size: one pass,
  // 16 bytes a step where SSE2 is there (most lines are short, and a search per line, memchr,
  // costs a call each).
  thread_local std::vector<std::size_t> newlines;
  newlines.clear();
  std::size_t searched = 0;
#if defined(__SSE2__)
  for (; searched + 16 <= text.size(); searched += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + searched));
    for (auto found = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')))); found != 0;
         found &= found - 1)
      newlines.push_back(searched + static_cast<std::size_t>(std::countr_zero(found)));
  }
#endif
  for (std::size_t at = text.find('\n', searched); at != std::string_view::npos; at = text.find('\n', at + 1))
    newlines.push_back(at);
  split.lines.reserve(newlines.size() + 1);
  split.paragraphs.reserve(newlines.size() + 1);
  std::size_t start = 0;
  for (const std::size_t end : newlines) {
    split.lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  split.lines.push_back(text.substr(start));
  JoinedText joined{split.joined, text.size()};
  const auto count = static_cast<std::uint32_t>(split.lines.size());
  for (std::uint32_t i = 0; i < count;) {
    if (split.lines[i].empty()) {
      ++i;
      continue;
    }
    std::uint32_t end = i;
    while (end < count && !split.lines[end].empty()) ++end;
    split_block(split.lines, i, end, split.paragraphs, joined);
    i = end;
  }
  return split;
}

}  // namespace newsdedup
