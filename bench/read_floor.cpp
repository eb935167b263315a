// read_floor: the cheapest passes that touch every byte of a corpus, as floors to compare
// newsdedup's throughput with.
//   1. read + UTF-8 validation: the file read in 1 MiB blocks, each validated (simdjson).
//   2. DocumentReader: the same plus JSON parsing and document assembly (newsdedup's own reader).
// usage: newsdedup_floor FILE...   (prints MB/s for each pass; run it twice to read from cache)
#include <fmt/core.h>
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "io/diagnostics.h"
#include "io/document_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} FILE...\n", argv[0]);
    return 2;
  }
  std::vector<std::string> inputs(argv + 1, argv + argc);

  auto start = Clock::now();
  std::uint64_t bytes = 0;
  std::uint64_t invalid_blocks = 0;
  std::vector<char> block(1 << 20);
  for (const std::string& path : inputs) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      fmt::print(stderr, "{}: cannot open\n", path);
      return 1;
    }
    std::size_t got = 0;
    while ((got = std::fread(block.data(), 1, block.size(), file)) > 0) {
      bytes += got;
      invalid_blocks += !simdjson::validate_utf8(block.data(), got);  // a block may cut a character: rare, harmless
    }
    std::fclose(file);
  }
  const double read_seconds = seconds_since(start);
  const double megabytes = static_cast<double>(bytes) / 1e6;
  fmt::print("read + UTF-8 validation: {:.1f} MB in {:.2f} s = {:.0f} MB/s ({} blocks not valid UTF-8)\n", megabytes,
             read_seconds, megabytes / read_seconds, invalid_blocks);

  start = Clock::now();
  newsdedup::Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  newsdedup::DocumentReader reader(inputs, {}, diagnostics);
  std::uint64_t documents = 0;
  while (reader.next()) ++documents;
  const double reader_seconds = seconds_since(start);
  fmt::print("DocumentReader (read, UTF-8, JSON): {} documents in {:.2f} s = {:.0f} MB/s\n", documents, reader_seconds,
             megabytes / reader_seconds);
  return 0;
}
