#include "pipeline/json_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

namespace {

// Writes the decimal of units / 10^4 as fmt's "{}" writes the double nearest it, for units
// below 10^10: the shortest digits that read back as that double are those of the decimal
// itself (two decimals with at most four places lie 10^-4 apart, far more than the double's
// spacing there), and fmt writes numbers from 10^-4 up to 10^16 without an exponent. Whole
// numbers have no point; trailing zeros are dropped.
char* write_ten_thousandths(char* out, std::uint64_t units) {
  char* end = std::to_chars(out, out + 24, units / 10000).ptr;
  if (std::uint64_t fraction = units % 10000; fraction != 0) {
    *end++ = '.';
    for (std::uint64_t place = 1000; fraction != 0; place /= 10) {
      *end++ = static_cast<char>('0' + fraction / place);
      fraction %= place;
    }
  }
  return end;
}

// The longest number write_number() writes: fmt's shortest form of a double, sign and exponent
// included, is at most 24 characters.
constexpr std::size_t kNumberBytes = 32;

// Writes a number with at most four decimals (see append_json_number) to `out`, which has room
// for kNumberBytes; returns the end.
char* write_number(char* out, double value) {
  if (!std::isfinite(value)) return std::copy_n("null", 4, out);
  const double units = std::round(value * 10000.0);
  // Scores and most quality figures: written without fmt's general float formatting.
  if (units >= 0.0 && units < 1e10 && !std::signbit(units)) return write_ten_thousandths(out, static_cast<std::uint64_t>(units));
  return fmt::format_to_n(out, kNumberBytes, "{}", units / 10000.0).out;
}

#if defined(__SSE2__)
// Bit j: byte j of `bytes` must be escaped (a control character, '"' or '\\') or, with
// kStopAtHigh, is not ASCII.
template <bool kStopAtHigh>
unsigned special_lanes(__m128i bytes) {
  // Below 0x20 as signed bytes: the control characters and every byte of 0x80 and above.
  const __m128i below_space = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20));
  const __m128i control =
      kStopAtHigh ? below_space : _mm_and_si128(below_space, _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-1)));
  const __m128i quote_or_backslash =
      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, quote_or_backslash)));
}

// The `count` (below 16) bytes at `from` followed by spaces, which are never escaped, as one
// block: fixed-size copies that may overlap instead of a call to memcpy.
__m128i short_block(const char* from, std::size_t count) {
  alignas(16) char block[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(block), _mm_set1_epi8(' '));
  if (count >= 8) {
    std::memcpy(block, from, 8);
    std::memcpy(block + count - 8, from + count - 8, 8);
  } else if (count >= 4) {
    std::memcpy(block, from, 4);
    std::memcpy(block + count - 4, from + count - 4, 4);
  } else if (count > 0) {
    block[0] = from[0];
    block[count / 2] = from[count / 2];
    block[count - 1] = from[count - 1];
  }
  return _mm_load_si128(reinterpret_cast<const __m128i*>(block));
}
#endif

// The buffer a thread's JsonLines borrow, one at a time.
struct ThreadBuffer {
  std::unique_ptr<char[]> bytes;
  std::size_t capacity = 0;
  bool taken = false;
};

ThreadBuffer& thread_buffer() {
  thread_local ThreadBuffer buffer;
  return buffer;
}

// What a thread's buffer keeps after a record larger than most (a page of megabytes).
constexpr std::size_t kKeptBufferBytes = std::size_t{1} << 20;

}  // namespace

JsonLine::JsonLine() {
  ThreadBuffer& buffer = thread_buffer();
  if (buffer.taken) return;  // another JsonLine of this thread is alive: grow() gives this one its own
  buffer.taken = true;
  borrowed_ = true;
  begin_ = at_ = buffer.bytes.get();
  end_ = begin_ + buffer.capacity;
}

JsonLine::~JsonLine() {
  if (!borrowed_) return;
  ThreadBuffer& buffer = thread_buffer();
  buffer.taken = false;
  if (buffer.capacity > kKeptBufferBytes) {
    buffer.bytes.reset();
    buffer.capacity = 0;
  }
}

void JsonLine::grow(std::size_t bytes) {
  const auto used = static_cast<std::size_t>(at_ - begin_);
  const std::size_t capacity = std::max<std::size_t>(2 * static_cast<std::size_t>(end_ - begin_), used + bytes + 4096);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (used > 0) std::memcpy(bigger.get(), begin_, used);
  begin_ = bigger.get();
  at_ = begin_ + used;
  end_ = begin_ + capacity;
  if (borrowed_) {
    ThreadBuffer& buffer = thread_buffer();
    buffer.bytes = std::move(bigger);
    buffer.capacity = capacity;
  } else {
    own_ = std::move(bigger);
  }
}

// The caller has reserved text.size() - from + kBlockBytes: whole blocks are stored, and at_
// then moves on by the bytes that belong to the text.
template <bool kStopAtHigh>
std::size_t JsonLine::copy_plain(std::string_view text, std::size_t from) {
  // Locals, not the members: a store through a char pointer may alias at_, which the compiler
  // would then write back and read again at every block.
  const char* in = text.data() + from;
  const char* const end = text.data() + text.size();
  char* out = at_;
#if defined(__SSE2__)
  const auto load = [](const char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
  const auto store = [](char* at, __m128i bytes) { _mm_storeu_si128(reinterpret_cast<__m128i*>(at), bytes); };
  unsigned hits = 0;
  std::size_t count = 16;  // bytes of the text in the last block taken
  for (;; in += 16, out += 16) {
    if (end - in >= 16) {
      const __m128i bytes = load(in);
      store(out, bytes);
      hits = special_lanes<kStopAtHigh>(bytes);
      if (hits != 0) break;
      continue;
    }
    count = static_cast<std::size_t>(end - in);
    if (count == 0) break;
    __m128i bytes;
    if (text.size() >= 16) {
      // The text's last 16 bytes, then spaces; the block read from where the text has not been
      // copied holds what is left of it, padded with spaces (never escaped).
      alignas(16) char tail[32];
      _mm_store_si128(reinterpret_cast<__m128i*>(tail), load(end - 16));
      _mm_store_si128(reinterpret_cast<__m128i*>(tail + 16), _mm_set1_epi8(' '));
      bytes = load(tail + 16 - count);
    } else {
      bytes = short_block(in, count);
    }
    store(out, bytes);
    hits = special_lanes<kStopAtHigh>(bytes);
    break;
  }
  const std::size_t plain = hits != 0 ? static_cast<std::size_t>(std::countr_zero(hits)) : count;
  at_ = out + plain;
  return static_cast<std::size_t>(in + plain - text.data());
#else
  for (; in < end; ++in) {
    const auto c = static_cast<unsigned char>(*in);
    if (c < 0x20 || c == '"' || c == '\\' || (kStopAtHigh && c >= 0x80)) break;
    *out++ = *in;
  }
  at_ = out;
  return static_cast<std::size_t>(in - text.data());
#endif
}

void JsonLine::escape_byte(unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  at_[0] = '\\';
  switch (c) {
    case '"': at_[1] = '"'; break;
    case '\\': at_[1] = '\\'; break;
    case '\n': at_[1] = 'n'; break;
    case '\r': at_[1] = 'r'; break;
    case '\t': at_[1] = 't'; break;
    default:
      std::memcpy(at_ + 1, "u00", 3);
      at_[4] = kHex[c >> 4];
      at_[5] = kHex[c & 0xF];
      at_ += 6;
      return;
  }
  at_ += 2;
}

namespace {
// Room that copy_plain() may write past the text it copies, and an escape's longest form.
constexpr std::size_t kBlockBytes = 16;
constexpr std::size_t kEscapeBytes = 6;
}  // namespace

void JsonLine::escape_all(std::string_view text) {
  reserve(text.size() + kBlockBytes);
  for (std::size_t i = copy_plain<false>(text, 0); i < text.size(); i = copy_plain<false>(text, i + 1)) {
    reserve(text.size() - i + kEscapeBytes + kBlockBytes);
    escape_byte(static_cast<unsigned char>(text[i]));
  }
}

void JsonLine::string(std::string_view text) {
  // One pass over ASCII text, copying as it scans; the rest, from the first byte to escape or
  // that is not ASCII, out of line: most strings (ids, removed lines) have none, and their call
  // then saves and restores few registers.
  reserve(text.size() + 2 + kBlockBytes);  // the quotes; the closing one fits in the block's room
  *at_++ = '"';
  if (const std::size_t i = copy_plain<true>(text, 0); i < text.size()) [[unlikely]]
    escape_rest(text, i);
  *at_++ = '"';
}

void JsonLine::escape_rest(std::string_view text, std::size_t i) {
  // The scan stops at the first byte that is not ASCII, and only from there is the text checked
  // as UTF-8 (everything before it is ASCII, so a character starts there). Document text is
  // repaired when read, but file names and ids built from them are not: output must be valid
  // JSON whatever the input, so an invalid rest is repaired (U+FFFD) before it is escaped, as
  // the whole text would have been.
  for (; i < text.size(); i = copy_plain<true>(text, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::string_view rest = text.substr(i);
      if (is_valid_utf8(rest)) {
        escape_all(rest);
      } else {
        std::string repaired(rest);
        repair_utf8(repaired);
        escape_all(repaired);
      }
      reserve(1);
      return;
    }
    reserve(text.size() - i + kEscapeBytes + kBlockBytes);
    escape_byte(c);
  }
}

void JsonLine::number(double value) {
  reserve(kNumberBytes);
  at_ = write_number(at_, value);
}

void append_json_string(std::string& out, std::string_view text) {
  JsonLine line;
  line.string(text);
  out.append(line.view());
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string json_string_array(std::span<const std::string> values) {
  std::string out = "[";
  for (const std::string& value : values) {
    if (out.size() > 1) out += ", ";
    append_json_string(out, value);
  }
  return out + "]";
}

void append_json_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key);
  out += "\":";
}

void append_json_number(std::string& out, double value) {
  char number[kNumberBytes];
  out.append(number, write_number(number, value));
}

}  // namespace newsdedup
