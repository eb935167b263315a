// random_text: a text of `length` pieces drawn from `alphabet`, for tests that compare a fast
// path with a plain one on many random texts.
//
// `alphabet` holds bytes (a std::string) or whole characters and words (a vector of
// std::string_view); each piece is one draw of `random`. Stateless; tests only.
#pragma once

#include <cstddef>
#include <string>

namespace newsdedup {

template <typename Engine, typename Alphabet>
std::string random_text(Engine& random, const Alphabet& alphabet, std::size_t length) {
  std::string text;
  for (std::size_t k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
  return text;
}

}  // namespace newsdedup
