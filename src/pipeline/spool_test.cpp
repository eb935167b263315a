#include "pipeline/spool.h"

#include <gtest/gtest.h>


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
