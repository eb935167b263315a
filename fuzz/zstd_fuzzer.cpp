// Fuzz target: the zstd reader (ByteSource, through DocumentReader on a .jsonl.zst file), on
// damaged streams and, by round trip, on correct ones: see compressed_round_trip.h.
#include <zstd.h>

#include <cstddef>
#include <cstdint>

#include "compressed_round_trip.h"

namespace {

std::string zstd(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 1);
  FUZZ_CHECK(!ZSTD_isError(size));
  out.resize(size);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsdedup::fuzz::check_compressed_reader(newsdedup::fuzz::as_text(data, size), ".zst", zstd);
  return 0;
}
