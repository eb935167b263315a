#include "pipeline/spool.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

TEST(Spool, RoundTripsRecordsOfStringsInOrder) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kPersistent);
  for (const char* id : {"a", "b"}) {
    writer.write(id);
    writer.write("");
    writer.write(std::string(3000, *id));
    writer.end_record();
  }
  writer.finish();
  SpoolReader reader = SpoolReader::open(dir.path() / "spool.bin");
  EXPECT_EQ(reader.records(), 2u);
  std::string text;
  for (const char* id : {"a", "b"}) {
    reader.read(text);
    EXPECT_EQ(text, id);
    reader.read(text);
    EXPECT_EQ(text, "");
    reader.read(text);
    EXPECT_EQ(text, std::string(3000, *id));
  }
  EXPECT_THROW(reader.read(text), WorkFileError);
}

// append() reads strings one after the other into one buffer, giving each one's length.
TEST(Spool, AppendsStringsToOneBuffer) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kTemporary);
  writer.write("id");
  writer.write("");
  writer.write(std::string(5000, 'x'));
  writer.end_record();
  writer.finish();
  SpoolReader reader = SpoolReader::open(writer);
  std::string buffer = "kept";
  EXPECT_EQ(reader.append(buffer), 2u);
  EXPECT_EQ(reader.append(buffer), 0u);
  EXPECT_EQ(reader.append(buffer), 5000u);
  EXPECT_EQ(buffer, "keptid" + std::string(5000, 'x'));
  EXPECT_THROW(reader.append(buffer), WorkFileError);
}

// read_records() reads whole records a block at a time: a record the block cuts starts the next
// block, a record longer than the block comes whole on its own, and the end gives 0.
TEST(Spool, ReadsWholeRecordsInBlocks) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kTemporary);
  std::vector<std::string> written;
  for (int r = 0; r < 200; ++r) {
    for (const std::string& text : {std::to_string(r), std::string(r % 7 == 0 ? 0 : 50 + r, static_cast<char>('a' + r % 26)),
                                    std::string(r == 101 ? 10000 : r % 13, 'z')}) {
      writer.write(text);
      written.push_back(text);
    }
    writer.end_record();
  }
  writer.finish();
  // Mapped a block at a time, or read with pread (where mmap is refused): the same records.
  for (const bool map : {true, false}) {
    for (const std::size_t block_bytes : {std::size_t{1}, std::size_t{100}, std::size_t{4096}, std::size_t{1} << 20}) {
      SpoolReader reader = SpoolReader::open(writer);
      reader.map_blocks(map);
      SpoolBlock block;
      std::vector<std::string> seen;
      while (const std::size_t records = reader.read_records(7, block_bytes, 3, block)) {
        EXPECT_LE(records, 7u);
        ASSERT_EQ(block.strings.size(), 3 * records);
        seen.insert(seen.end(), block.strings.begin(), block.strings.end());
      }
      EXPECT_EQ(seen, written) << block_bytes << (map ? " mapped" : " read");
    }
  }
}

// A cut-short spool fails whichever way it is read, naming the file.
TEST(Spool, ReadingRecordsPastAShortenedLengthFails) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kPersistent);
  writer.write("id");
  writer.write("abcdef");
  writer.write("");
  writer.end_record();
  writer.finish();
  std::string bytes = read_file_bytes(dir.path() / "spool.bin");
  bytes[kWorkFileHeaderBytes + 4 + 2] = 100;  // the second string's length, now past the end
  for (const bool map : {true, false}) {
    for (const std::size_t block_bytes : {std::size_t{1}, std::size_t{1} << 20}) {
      SpoolReader reader = SpoolReader::open(dir.write("bad.bin", bytes));
      reader.map_blocks(map);
      SpoolBlock block;
      EXPECT_THROW(reader.read_records(10, block_bytes, 3, block), WorkFileError) << block_bytes;
    }
  }
}

TEST(Spool, ALengthRunningPastTheEndIsRefused) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kPersistent);
  writer.write("abcdef");
  writer.end_record();
  writer.finish();
  std::string bytes = read_file_bytes(dir.path() / "spool.bin");
  bytes[kWorkFileHeaderBytes] = 100;  // the string's length, now longer than the file
  SpoolReader reader = SpoolReader::open(dir.write("bad.bin", bytes));
  std::string text;
  EXPECT_THROW(reader.read(text), WorkFileError);
}

TEST(Spool, TemporarySpoolReadsBackInTheSameProcess) {
  TestTempDir dir;
  SpoolWriter writer(dir.path() / "spool.bin", FormatWriter::Kind::kTemporary);
  writer.write("x");
  writer.end_record();
  writer.finish();
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  SpoolReader reader = SpoolReader::open(writer);
  std::string text;
  reader.read(text);
  EXPECT_EQ(text, "x");
}

}  // namespace
}  // namespace newsdedup
