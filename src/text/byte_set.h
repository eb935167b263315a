// ByteSet: a set of byte values, tested with one table lookup.
//
// std::string_view::find_first_of calls memchr on the set for every byte of the text, which
// made a scan for a handful of separators one of the costliest parts of cleaning. A ByteSet is
// built at compile time from the bytes it holds and scans the text once: with SSE2, a set of up
// to eight bytes compares 16 bytes of text with each of them at a time; otherwise, and for
// texts shorter than 16 bytes, one byte at a time through the table. Value type; immutable.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsdedup {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (char c : bytes) {
      if (contains(c)) continue;
      members_[static_cast<unsigned char>(c)] = true;
      if (size_ < listed_.size()) listed_[size_] = c;
      ++size_;
    }
  }

  constexpr bool contains(char c) const { return members_[static_cast<unsigned char>(c)]; }

  // Whether any byte of `text` is in the set.
  constexpr bool any_in(std::string_view text) const {
#if defined(__SSE2__)
    if (!std::is_constant_evaluated() && size_ <= listed_.size() && text.size() >= 16) return any_in_blocks(text);
#endif
    for (char c : text)
      if (contains(c)) return true;
    return false;
  }

 private:
#if defined(__SSE2__)
  // `text` has 16 bytes or more; the last block ends at its end, over bytes tested before.
  bool any_in_blocks(std::string_view text) const {
    const auto block_holds_member = [&](const char* at) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      __m128i found = _mm_setzero_si128();
      for (std::size_t k = 0; k < size_; ++k) found = _mm_or_si128(found, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(listed_[k])));
      return _mm_movemask_epi8(found) != 0;
    };
    std::size_t i = 0;
    for (; i + 16 <= text.size(); i += 16)
      if (block_holds_member(text.data() + i)) return true;
    return i < text.size() && block_holds_member(text.data() + text.size() - 16);
  }
#endif

  std::array<bool, 256> members_{};
  std::array<char, 8> listed_{};  // the members, when there are at most eight
  std::size_t size_ = 0;          // the number of members
};

}  // namespace newsdedup
