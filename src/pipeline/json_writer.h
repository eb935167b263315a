// JSON output helpers: appending escaped strings and numbers to a line being built.
// Strings are escaped (quotes, backslashes, control characters) and any invalid UTF-8 in them
// (a file name, say; document text is repaired when read) is replaced with U+FFFD, so what is
// written is always valid JSON.
//
// JsonLine builds one record (a corpus, audit or clean line) in a buffer that its thread keeps
// from one record to the next, and hands it out as a view (copied by the caller into a string it
// reuses) or a string of exactly its size: a record of many small pieces (an audit line lists
// every removed line) is then written with plain stores instead of a std::string append per
// piece, each with its capacity check and library call.
// One JsonLine per thread at a time borrows the thread's buffer; a second one, alive at the
// same time on that thread, works in a buffer of its own. A JsonLine is used by one thread.
// The free functions are stateless and thread-safe.
#pragma once

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace newsdedup {

class JsonLine {
 public:
  JsonLine();
  ~JsonLine();
  JsonLine(const JsonLine&) = delete;
  JsonLine& operator=(const JsonLine&) = delete;

  // Appends `text` as it stands (it must be JSON already, or a part of it).
  void raw(std::string_view text) {
    reserve(text.size());
    std::memcpy(at_, text.data(), text.size());
    at_ += text.size();
  }
  void raw(char c) {
    reserve(1);
    *at_++ = c;
  }
  // Appends the first `size` bytes of `padded`, copied whole: a short piece known in advance,
  // padded so that it takes a fixed-size copy rather than a call to memcpy.
  template <std::size_t kPadded>
  void raw_prefix(const std::array<char, kPadded>& padded, std::size_t size) {
    reserve(kPadded);
    std::memcpy(at_, padded.data(), kPadded);
    at_ += size;
  }
  // Room for `bytes` more bytes, returned as where they go: a run of small pieces of known
  // bounded size (an audit line's removed line before its text) is then written through a local
  // pointer with one capacity test, not one a piece. advance_to() then says where they ended.
  char* room(std::size_t bytes) {
    reserve(bytes);
    return at_;
  }
  // Marks the bytes up to `end` (at most room()'s pointer + its `bytes`) as written.
  void advance_to(char* end) { at_ = end; }
  // Appends `"key":` (key must not need escaping).
  void key(std::string_view key) {
    reserve(key.size() + 3);
    *at_ = '"';
    std::memcpy(at_ + 1, key.data(), key.size());
    std::memcpy(at_ + 1 + key.size(), "\":", 2);
    at_ += key.size() + 3;
  }
  // Appends `text` quoted and escaped, as append_json_string() does.
  void string(std::string_view text);
  // Appends `,"key":` and then `text` as string() does: a member after others.
  void string_member(std::string_view key_name, std::string_view text) {
    raw(',');
    key(key_name);
    string(text);
  }
  // Appends a number as append_json_number() does.
  void number(double value);
  // Appends a whole number in decimal. Inline: an audit line writes one for every removed line,
  // where the call cost as much as the digits.
  void integer(std::uint64_t value) {
    reserve(24);
    at_ = std::to_chars(at_, at_ + 24, value).ptr;
  }

  std::string_view view() const { return {begin_, static_cast<std::size_t>(at_ - begin_)}; }
  std::string str() const { return std::string(view()); }

 private:
  // Room for `bytes` more bytes after at_.
  void reserve(std::size_t bytes) {
    if (static_cast<std::size_t>(end_ - at_) < bytes) grow(bytes);
  }
  void grow(std::size_t bytes);
  // Copies `text` from `from` on up to the first byte that must be escaped or (with
  // kStopAtHigh) is not ASCII, and returns that byte's offset (text.size() when there is none).
  template <bool kStopAtHigh>
  std::size_t copy_plain(std::string_view text, std::size_t from);
  // Appends `text` from `i`, the first byte to escape or beyond ASCII, on, escaped (repaired
  // first where it is not valid UTF-8), leaving room for the closing quote.
  [[gnu::noinline]] void escape_rest(std::string_view text, std::size_t i);
  // Appends `text`, valid UTF-8, escaped (without quotes).
  void escape_all(std::string_view text);
  void escape_byte(unsigned char c);

  char* begin_ = nullptr;
  char* at_ = nullptr;
  char* end_ = nullptr;
  bool borrowed_ = false;                // begin_ is the thread's buffer
  std::unique_ptr<char[]> own_;          // the buffer when the thread's is taken
};

void append_json_string(std::string& out, std::string_view text);
// Appends `"key":` (key must not need escaping).
void append_json_key(std::string& out, std::string_view key);
// Appends a number with at most four decimals, as scores are written.
void append_json_number(std::string& out, double value);

// The escaped string with its quotes.
std::string json_string(std::string_view text);

// ["a", "b", ...].
std::string json_string_array(std::span<const std::string> values);

// {"key": value, ...} of a map whose keys and values fmt formats (keys become strings).
template <typename Map>
std::string json_object(const Map& values) {
  std::string out = "{";
  for (const auto& [key, value] : values) {
    if (out.size() > 1) out += ", ";
    append_json_string(out, fmt::format("{}", key));
    out += fmt::format(": {}", value);
  }
  return out + "}";
}

}  // namespace newsdedup
