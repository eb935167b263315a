// Fuzz target: the gzip reader (ByteSource, through DocumentReader on a .jsonl.gz file), on
// damaged streams and, by round trip, on correct ones: see compressed_round_trip.h.
#include <zlib.h>

#include <cstddef>
#include <cstdint>

#include "compressed_round_trip.h"

namespace {

std::string gzip(std::string_view bytes) {
  z_stream stream{};
  FUZZ_CHECK(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  FUZZ_CHECK(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsdedup::fuzz::check_compressed_reader(newsdedup::fuzz::as_text(data, size), ".gz", gzip);
  return 0;
}
