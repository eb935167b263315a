#include "text/normalize.h"

#include <utf8proc.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "text/byte_blocks.h"
#include "text/swar.h"

namespace newsdedup {
namespace {

#if !defined(__SSE2__)
using swar::kHighBits;
using swar::load8;

using swar::kOnes;

// The high bit of each byte of `word` that is not visible ASCII (0x21 to 0x7E): a byte below
// 0x21 borrows into its high bit when 0x21 is subtracted, and one above 0x7E carries into it
// when 1 is added to its low seven bits (or had it already). A borrow only flags bytes above a
// true hit, so the lowest flag is exact.
std::uint64_t invisible_bytes(std::uint64_t word) {
  const std::uint64_t below = (word - 0x21 * kOnes) & ~word;
  const std::uint64_t above = ((word & ~kHighBits) + kOnes) | word;
  return (below | above) & kHighBits;
}
#endif

bool is_visible_ascii(char c) { return static_cast<unsigned char>(c) - 0x21u < 0x5Eu; }

// A run is what normalisation copies as it is: visible ASCII (0x21 to 0x7E), a space between two
// visible characters, and a line break after a visible character or another line break (the
// line has no trailing space to trim, and no space is pending). Nearly all of a page of ASCII
// text is one run, from its first visible character to a double space or a character beyond
// ASCII. A run starts at a visible character and ends at the first byte none of these keep.
#if defined(__SSE2__)
// The ends of runs, from masks of the text's 64-byte windows (at offsets 0, 64, 128, ...), each
// classified once however many runs end in it.
class VisibleRuns {
 public:
  explicit VisibleRuns(std::string_view text) : text_(text) {}

  // The end of the run that starts at `start`, where text[start] is visible.
  std::size_t end(std::size_t start) {
    std::size_t base = start - start % 64;
    if (base != base_) load(base);
    // Bytes the window does not keep, from the start on.
    std::uint64_t stops = ~kept_ & (~std::uint64_t{0} << (start - base));
    while (stops == 0) {  // the text's last window ends in padding, where nothing is kept
      base += 64;
      load(base);
      stops = ~kept_;
    }
    return base + static_cast<std::size_t>(std::countr_zero(stops));
  }

 private:
  void load(std::size_t base) {
    // 0x21..0x7E plus one are exactly the bytes above 0x21 as signed bytes (0x7F wraps to -128,
    // bytes from 0x80 up are negative or zero).
    const auto visible = [](__m128i bytes) {
      return _mm_cmpgt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8(1)), _mm_set1_epi8(0x21));
    };
    const auto space = [](__m128i bytes) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')); };
    const auto line_break = [](__m128i bytes) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')); };
    char padding[64];  // zero bytes: not kept
    const char* block = block_at(text_, base, padding);
    const std::uint64_t shown = block_mask(block, visible);
    const std::uint64_t visible_before = base > 0 && is_visible_ascii(text_[base - 1]);
    const std::uint64_t visible_after = base + 64 < text_.size() && is_visible_ascii(text_[base + 64]);
    const std::uint64_t inner_spaces =
        block_mask(block, space) & ((shown << 1) | visible_before) & ((shown >> 1) | (visible_after << 63));
    // Every line break: one that a run reaches follows a byte the run keeps, which is visible
    // or a line break (a space is kept only before a visible byte).
    kept_ = shown | inner_spaces | block_mask(block, line_break);
    base_ = base;
  }

  std::string_view text_;
  std::size_t base_ = static_cast<std::size_t>(-1);  // the window kept_ describes (none yet)
  std::uint64_t kept_ = 0;                            // bit i: byte base_ + i is kept in a run
};
#else
// The end of the run that starts at `start`, where text[start] is visible.
std::size_t visible_run_end(std::string_view text, std::size_t start) {
  const std::size_t n = text.size();
  std::size_t end = start + 1;
  while (true) {
    for (; end + 8 <= n; end += 8) {
      if (const std::uint64_t stops = invisible_bytes(load8(text.data() + end)); stops != 0) {
        end += static_cast<std::size_t>(std::countr_zero(stops)) / 8;  // the run's end, not rescanned
        break;
      }
    }
    while (end < n && is_visible_ascii(text[end])) ++end;
    // text[end - 1] is kept: visible, or a line break.
    if (end < n && text[end] == '\n') {
      ++end;
      continue;
    }
    if (end + 1 < n && text[end] == ' ' && is_visible_ascii(text[end - 1]) && is_visible_ascii(text[end + 1])) {
      end += 2;
      continue;
    }
    return end;
  }
}
#endif

// True when NFC leaves this code point, and any text of such code points, as it is: it is
// below U+0300 (precomposed Latin letters are already NFC and nothing below U+0300 composes) or
// is general punctuation from U+2002 to U+207F (curly quotes, dashes, bullets). Most news text
// holds no other, and skips utf8proc.
bool is_trivially_nfc(utf8proc_int32_t cp) { return cp < 0x300 || (cp >= 0x2002 && cp <= 0x207F); }

// The same test of every code point of a text, byte by byte.
bool is_trivially_nfc(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    i = swar::next_high_byte(text, i);
    if (i == text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xC0) continue;  // ASCII or a continuation byte
    if (c < 0xCC) continue;  // U+0080..U+02FF
    if (c == 0xE2 && i + 2 < text.size()) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c1 == 0x80 && c2 >= 0x82) || c1 == 0x81) continue;  // U+2002..U+207F
    }
    return false;
  }
  return true;
}

std::string to_nfc(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) return std::string(text);  // not valid UTF-8: leave as is, readers repair first
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

enum class CharClass { kKeep, kSpace, kDrop };

CharClass classify(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return CharClass::kDrop;
    default:
      break;
  }
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return CharClass::kSpace;  // treated as breaks below
  const auto category = utf8proc_category(cp);
  if (category == UTF8PROC_CATEGORY_ZS) return CharClass::kSpace;
  return CharClass::kKeep;
}

}  // namespace

// Composition comes last: a character dropped in between (a control character, a zero-width
// space) must not keep a letter and its accent apart, or the result would not be NFC and would
// change if normalised again. No character the first pass keeps composes or decomposes into a
// space, a line break or a dropped character, so that pass needs no second round.
//
// The output is never longer than the input (every space, break or kept character replaces at
// least as many input bytes), so it is written through a pointer into a buffer of the input's
// size, and runs of visible ASCII, most of any text, are copied whole.
std::string normalize_text(std::string_view text) {
  std::string out(text.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool pending_space = false;  // a space seen since the last kept character on this line
  auto end_line = [&] {
    pending_space = false;
    while (o != begin && o[-1] == ' ') --o;
    *o++ = '\n';
  };
  auto before_kept = [&] {
    if (pending_space && o != begin && o[-1] != '\n') *o++ = ' ';
    pending_space = false;
  };
  // Whether every character kept passes is_trivially_nfc(), learnt as they are kept: the output
  // need not be read again. (A byte kept where the input was not UTF-8, which repaired input
  // never is, leaves it to a reading of the output.)
  bool trivially_nfc = true;
  bool kept_raw_bytes = false;
  const std::size_t n = text.size();
#if defined(__SSE2__)
  VisibleRuns runs(text);
  const auto run_end = [&](std::size_t start) { return runs.end(start); };
#else
  const auto run_end = [&](std::size_t start) { return visible_run_end(text, start); };
#endif
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c > 0x20 && c < 0x7F) {
      const std::size_t end = run_end(i);
      before_kept();
      std::memcpy(o, text.data() + i, end - i);
      o += end - i;
      i = end;
      continue;
    }
    if (c < 0x80) {
      ++i;
      if (c == '\n') {
        end_line();
      } else if (c == '\r') {
        if (i < n && text[i] == '\n') ++i;
        end_line();
      } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
        pending_space = true;
      }
      // other control characters (and DEL) carry no text
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                                  static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) {  // cannot happen on repaired input; keep the byte rather than lose it
      kept_raw_bytes = true;
      *o++ = static_cast<char>(c);
      ++i;
      continue;
    }
    const std::size_t length = static_cast<std::size_t>(len);
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
      i += length;
      end_line();
      continue;
    }
    switch (classify(cp)) {
      case CharClass::kDrop:
        break;
      case CharClass::kSpace:
        pending_space = true;
        break;
      case CharClass::kKeep:
        trivially_nfc = trivially_nfc && is_trivially_nfc(cp);
        before_kept();
        std::memcpy(o, text.data() + i, length);
        o += length;
        break;
    }
    i += length;
  }
  while (o != begin && (o[-1] == ' ' || o[-1] == '\n')) --o;
  out.resize(static_cast<std::size_t>(o - begin));
  if (kept_raw_bytes) trivially_nfc = is_trivially_nfc(out);
  if (!trivially_nfc) out = to_nfc(out);
  return out;
}

}  // namespace newsdedup
