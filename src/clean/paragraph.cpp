#include "clean/paragraph.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "text/byte_blocks.h"
#include "text/swar.h"

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

// first_word_wider_than() for an ASCII line, where a character is a byte: the first space is
// looked for eight bytes a step (most first words end within the first eight).
bool ascii_first_word_wider_than(std::string_view line, std::size_t room) {
  constexpr std::uint64_t kLow7 = ~swar::kHighBits;
  std::size_t i = 0;
  for (; i + 8 <= line.size(); i += 8) {
    const std::uint64_t x = swar::load8(line.data() + i) ^ (swar::kOnes * ' ');
    // High bit set exactly in the bytes where x is zero, i.e. spaces (no carry crosses bytes).
    const std::uint64_t spaces = ~(((x & kLow7) + kLow7) | x) & swar::kHighBits;
    if (spaces != 0) return i + static_cast<std::size_t>(std::countr_zero(spaces)) / 8 > room;
    if (i + 8 > room) return true;  // i + 8 characters without a space already
  }
  while (i < line.size() && line[i] != ' ') ++i;
  return i > room;
}

// A hard wrap broke line i before line i+1 when the next line's first word would not have fit
// on it. `widths` holds the block's line widths, from its first line `begin`; `ascii`: the block's
// lines are all ASCII.
bool wrapped_before(const std::vector<std::string_view>& lines, const std::vector<std::size_t>& widths,
                    std::uint32_t begin, std::uint32_t i, std::size_t width, bool ascii) {
  const std::size_t used = widths[i - begin] + 1;  // the line and a space
  if (used > width) return true;
  return ascii ? ascii_first_word_wider_than(lines[i + 1], width - used) : first_word_wider_than(lines[i + 1], width - used);
}


// Where split_paragraphs() writes joined paragraphs: the buffer, its size, the size the text
// needs (its own), and the offset of the buffer's free part.
struct JoinedText {
  std::unique_ptr<char[]>& buffer;
  std::size_t& size;
  std::size_t needed = 0;
  std::size_t used = 0;
};

// Lines [first, last] joined with single spaces: the line itself when there is one, else a copy
// in `joined`. The lines of a block follow one another in the text, each newline between two
// of them: the copy is one of the whole stretch, its newlines then turned into spaces.
std::string_view join_lines(const std::vector<std::string_view>& lines, std::uint32_t first, std::uint32_t last,
                            JoinedText& joined) {
  if (first == last) return lines[first];
  if (joined.size < joined.needed) {  // before the text's first join only: then it fits
    joined.buffer = std::make_unique_for_overwrite<char[]>(joined.needed);
    joined.size = joined.needed;
  }
  const char* const from = lines[first].data();
  const auto size = static_cast<std::size_t>(lines[last].data() + lines[last].size() - from);
  char* const start = joined.buffer.get() + joined.used;
  std::memcpy(start, from, size);
  for (std::uint32_t j = first; j < last; ++j) start[lines[j].data() + lines[j].size() - from] = ' ';
  joined.used += size;
  return {start, size};
}

// Whether `text` is all ASCII, where every character is one byte wide.
bool is_ascii(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  // The blocks' bytes ORed together: one test at the end, where most text is ASCII.
  __m128i any = _mm_setzero_si128();
  for (; i + 16 <= text.size(); i += 16)
    any = _mm_or_si128(any, _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)));
  if (_mm_movemask_epi8(any) != 0) return false;
#endif
  return swar::next_high_byte(text, i) == text.size();
}

// Appends the paragraphs of one block (lines [begin, end)) to `out`.
void split_block(const std::vector<std::string_view>& lines, std::uint32_t begin, std::uint32_t end,
                 std::vector<Paragraph>& out, JoinedText& joined) {
  thread_local std::vector<std::size_t> widths;
  thread_local std::vector<unsigned char> breaks_after;  // wrapped_before() for each line of the block but the last
  bool wrapped = end - begin >= 2;
  bool ascii = false;
  std::size_t width = 0;
  // Each line's width is at most its size: a block of lines all shorter than the narrowest wrap
  // is no wrapped text, and needs no count of characters.
  wrapped = wrapped && std::any_of(lines.begin() + begin, lines.begin() + end,
                                   [](std::string_view line) { return line.size() >= kMinWrapWidth; });
  if (wrapped) {
    widths.resize(end - begin);
    // The block's lines follow one another in the text: where that stretch is ASCII, as most
    // is, each line's width is its size, and no line needs its characters counted.
    const std::string_view stretch(lines[begin].data(),
                                   static_cast<std::size_t>(lines[end - 1].data() + lines[end - 1].size() -
                                                            lines[begin].data()));
    ascii = is_ascii(stretch);
    if (ascii) {
      for (std::uint32_t i = begin; i < end; ++i) {
        widths[i - begin] = lines[i].size();
        width = std::max(width, widths[i - begin]);
      }
    } else {
      // One line wider than any wrap width settles it: the others need not be measured. A line
      // of more than four bytes per character of that width cannot be narrower (UTF-8).
      for (std::uint32_t i = begin; i < end && width <= kMaxWrapWidth; ++i) {
        widths[i - begin] = lines[i].size() > 4 * kMaxWrapWidth ? lines[i].size() : width_of(lines[i]);
        width = std::max(width, widths[i - begin]);
      }
    }
    wrapped = width >= kMinWrapWidth && width <= kMaxWrapWidth;
  }
  if (wrapped) {
    // Hard-wrapped text breaks most lines at the width; a list of short lines does not.
    // (Kept for the joins below, which ask again about the same lines.)
    breaks_after.resize(end - begin);
    std::uint32_t breaks = 0;
    for (std::uint32_t i = begin; i + 1 < end; ++i) {
      const bool broke = wrapped_before(lines, widths, begin, i, width, ascii);
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

SplitText split_paragraphs(std::string_view text) {
  SplitText split;
  split_paragraphs(text, split);
  return split;
}

void split_paragraphs(std::string_view text, SplitText& split) {
  // The newlines' offsets first, so that the lists are allocated once at their size: one pass,
  // 64 bytes a step where SSE2 is there (most lines are short, and a search per line, memchr,
  // costs a call each). `newlines` is a buffer kept from call to call: its first `count`
  // entries are this text's, written in place (a push_back checks the capacity per entry).
  thread_local std::vector<std::size_t> newlines;
  std::size_t count = 0;
#if defined(__SSE2__)
  const auto is_newline = [](__m128i bytes) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')); };
  for (std::size_t base = 0; base < text.size(); base += 64) {
    char padding[64];
    std::uint64_t found = block_mask(block_at(text, base, padding), is_newline);
    if (found == 0) continue;
    if (newlines.size() < count + 64) newlines.resize(2 * count + 64);
    std::size_t* const first = newlines.data();
    std::size_t* out = first + count;
    for (; found != 0; found &= found - 1) *out++ = base + static_cast<std::size_t>(std::countr_zero(found));
    count = static_cast<std::size_t>(out - first);
  }
#else
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    if (newlines.size() == count) newlines.resize(2 * count + 64);
    newlines[count++] = at;
  }
#endif
  split.lines.resize(count + 1);
  split.paragraphs.clear();
  split.paragraphs.reserve(count + 1);
  JoinedText joined{split.joined, split.joined_size, text.size()};
  // Lines and blocks in one pass: a block ends at a blank line, or at the text's end.
  std::uint32_t block_begin = 0;
  const auto end_block = [&](std::uint32_t end) {
    if (end == block_begin) return;
    if (end - block_begin == 1) {  // one line: one paragraph, nothing to measure
      split.paragraphs.push_back({block_begin, block_begin, true, split.lines[block_begin]});
    } else {
      split_block(split.lines, block_begin, end, split.paragraphs, joined);
    }
  };
  std::size_t start = 0;
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::size_t end = newlines[k];
    split.lines[k] = text.substr(start, end - start);
    if (end == start) {
      end_block(k);
      block_begin = k + 1;
    }
    start = end + 1;
  }
  const auto last = static_cast<std::uint32_t>(count);
  split.lines[last] = text.substr(start);
  end_block(start == text.size() ? last : last + 1);
}

}  // namespace newsdedup
