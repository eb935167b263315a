// UTF-8 validation and repair.
//
// Free functions on byte strings: no state, no ownership, safe to call from any thread.
// Validation checks a short text for ASCII eight bytes at a time and hands anything else to
// simdjson's validator (32 or 64 bytes a step); repair skips ASCII eight bytes at a time. Clean
// text costs little more than a memchr.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdedup {

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Replaces every maximal invalid subsequence with U+FFFD (the WHATWG / Unicode "substitution of
// maximal subparts" practice) and returns how many replacements were made.
std::size_t repair_utf8(std::string& text);

}  // namespace newsdedup
