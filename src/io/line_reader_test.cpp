#include "io/line_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

std::vector<std::string> read_lines(const std::filesystem::path& file, std::size_t chunk,
                                    std::vector<std::size_t>* bytes = nullptr) {
  auto source = ByteSource::open(file, Compression::none);
  LineReader reader(*source, chunk);
  std::vector<std::string> lines;
  while (auto line = reader.next()) {
    lines.emplace_back(*line);
    if (bytes) bytes->push_back(reader.line_bytes());
    EXPECT_EQ(reader.line_number(), lines.size());
  }
  return lines;
}

TEST(LineReader, SplitsAcrossChunkBoundariesAndGrowsForLongLines) {
  TestTempDir dir;
  std::vector<std::string> expected;
  std::string content;
  for (std::size_t i = 0; i < 200; ++i) {
    expected.push_back(std::string(i * 7 % 101, static_cast<char>('a' + i % 26)));
    content += expected.back() + "\n";
  }
  const auto file = dir.write("lines.txt", content);
  for (std::size_t chunk : {16u, 64u, 1000u, 1u << 20}) {
    EXPECT_EQ(read_lines(file, chunk), expected) << "chunk " << chunk;
  }
}

TEST(LineReader, HandlesCrlfAndMissingFinalNewline) {
  TestTempDir dir;
  std::vector<std::size_t> bytes;
  const auto lines = read_lines(dir.write("crlf.txt", "one\r\n\r\ntwo\nthree\r"), 16, &bytes);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "", "two", "three"}));
  EXPECT_EQ(bytes, (std::vector<std::size_t>{5, 2, 4, 6}));
}

// Lines over the limit (a '\r' before the '\n' counts), found whole in the buffer or far longer than it, at the start, in the
// middle and at the end without a terminator, are skipped and counted; the rest are read as usual.
TEST(LineReader, SkipsLinesOverTheLimit) {
  TestTempDir dir;
  const std::string at_limit(10, 'a');
  const std::string content = std::string(11, 'b') + "\n" + at_limit.substr(1) + "\r\n" + std::string(5000, 'c') + "\nshort\n" +
                              at_limit + "\n" + std::string(3000, 'd');
  const auto file = dir.write("long.txt", content);
  for (std::size_t chunk : {16u, 64u, 1000u, 1u << 20}) {
    auto source = ByteSource::open(file, Compression::none);
    LineReader reader(*source, chunk, 10);
    std::vector<std::string> lines;
    std::vector<bool> too_long;
    std::vector<std::size_t> bytes;
    while (auto line = reader.next()) {
      lines.emplace_back(*line);
      too_long.push_back(reader.line_too_long());
      bytes.push_back(reader.line_bytes());
    }
    EXPECT_EQ(lines, (std::vector<std::string>{"", at_limit.substr(1), "", "short", at_limit, ""})) << chunk;
    EXPECT_EQ(too_long, (std::vector<bool>{true, false, true, false, false, true})) << chunk;
    EXPECT_EQ(bytes, (std::vector<std::size_t>{12, 11, 5001, 6, 11, 3000})) << chunk;
    EXPECT_EQ(reader.line_number(), 6u) << chunk;
  }
}

TEST(LineReader, EmptyInputHasNoLines) {
  TestTempDir dir;
  EXPECT_TRUE(read_lines(dir.write("empty.txt", ""), 16).empty());
}

}  // namespace
}  // namespace newsdedup
