// Shared by the gzip and zstd fuzz targets: the two checks a decompressing reader must pass.
//  1. Any bytes in a compressed file (mostly damaged streams, mutated from valid seeds): the
//     documents read pass read_and_check(), and damage is reported, never fatal.
//  2. Any bytes compressed correctly, in two members/frames: exactly the documents and the
//     diagnostics that the same bytes give as a plain file.
// Header-only; not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "fuzz_support.h"

namespace newsdedup::fuzz {

using Compressor = std::function<std::string(std::string_view)>;

inline void check_compressed_reader(std::string_view bytes, const std::string& extension, const Compressor& compress) {
  {
    const auto raw = scratch().write("raw.jsonl" + extension, bytes);
    Diagnostics diagnostics;
    read_and_check({raw.string()}, diagnostics);
  }
  const std::size_t half = bytes.size() / 2;
  const auto packed =
      scratch().write("packed.jsonl" + extension, compress(bytes.substr(0, half)) + compress(bytes.substr(half)));
  const auto plain = scratch().write("plain.jsonl", bytes);
  Diagnostics from_packed, from_plain;
  const auto unpacked_documents = read_and_check({packed.string()}, from_packed);
  const auto plain_documents = read_and_check({plain.string()}, from_plain);
  FUZZ_CHECK(same_content(unpacked_documents, plain_documents));
  FUZZ_CHECK(from_packed.counts() == from_plain.counts());
}

}  // namespace newsdedup::fuzz
