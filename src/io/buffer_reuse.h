// clear_for_reuse: empties a string or vector that is filled again and again (a document read
// or processed into the same object round after round), keeping its buffer for the next round
// unless it grew beyond `kept_bytes`, which one document far larger than most would otherwise
// pin for the rest of the run. Works on any container with capacity(), clear() and swap().
// kKeptBufferBytes is the bound the document reader and process_document() use;
// clear_all_for_reuse() empties several buffers at once. Stateless.
#pragma once

#include <cstddef>

namespace newsdedup {

inline constexpr std::size_t kKeptBufferBytes = std::size_t{1} << 15;

template <typename Buffer>
void clear_for_reuse(Buffer& buffer, std::size_t kept_bytes) {
  if (buffer.capacity() * sizeof(typename Buffer::value_type) > kept_bytes) {
    Buffer().swap(buffer);
  } else {
    buffer.clear();
  }
}

// clear_for_reuse() of each buffer.
template <typename... Buffers>
void clear_all_for_reuse(std::size_t kept_bytes, Buffers&... buffers) {
  (clear_for_reuse(buffers, kept_bytes), ...);
}

}  // namespace newsdedup
