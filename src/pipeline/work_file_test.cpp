#include "pipeline/work_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "io/atomic_file.h"
#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

constexpr FileFormat kTestFormat{"NDD-TEST", 3, 8};
constexpr FileFormat kVariableFormat{"NDD-VARI", 1, 0};

// The error a reader gives for `path`, which must name the file.
std::string open_error(const std::filesystem::path& path, const FileFormat& format = kTestFormat) {
  try {
    FormatReader reader(path, format);
  } catch (const WorkFileError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    return e.what();
  }
  return "";
}

std::filesystem::path write_three(const TestTempDir& dir) {
  FormatWriter writer(dir.path() / "three.bin", kTestFormat, FormatWriter::Kind::kPersistent);
  for (std::uint64_t value : {7u, 8u, 9u}) writer.write_record(value);
  writer.finish();
  return writer.path();
}

TEST(WorkFile, RoundTripsRecordsBetweenHeaderAndFooter) {
  TestTempDir dir;
  const auto path = write_three(dir);
  const std::string bytes = read_file_bytes(path);
  ASSERT_EQ(bytes.size(), kWorkFileHeaderBytes + 3 * 8 + kWorkFileFooterBytes);
  EXPECT_EQ(bytes.substr(0, 8), "NDD-TEST");
  EXPECT_EQ(bytes.substr(bytes.size() - 8), "NDD-DONE");
  FormatReader reader(path, kTestFormat);
  EXPECT_EQ(reader.records(), 3u);
  std::uint64_t value = 0;
  std::vector<std::uint64_t> values;
  while (reader.read_record(value)) values.push_back(value);
  EXPECT_EQ(values, (std::vector<std::uint64_t>{7, 8, 9}));
  EXPECT_TRUE(reader.at_end());
  reader.read_at(kWorkFileHeaderBytes + 8, &value, sizeof value);
  EXPECT_EQ(value, 8u);
  EXPECT_THROW(reader.read_at(kWorkFileHeaderBytes + 24, &value, sizeof value), WorkFileError);
}

TEST(WorkFile, AppearsOnlyWhenFinishedAndIsNotOverwritten) {
  TestTempDir dir;
  {
    FormatWriter writer(dir.path() / "late.bin", kTestFormat, FormatWriter::Kind::kPersistent);
    writer.write_record(std::uint64_t{1});
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "late.bin"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "late.bin"));
  const auto path = write_three(dir);
  EXPECT_THROW(FormatWriter(path, kTestFormat, FormatWriter::Kind::kPersistent), OutputError);
  FormatWriter again(path, kTestFormat, FormatWriter::Kind::kPersistent, /*overwrite=*/true);
  again.finish();
  EXPECT_EQ(FormatReader(path, kTestFormat).records(), 0u);
}

TEST(WorkFile, RefusesAMissingFile) {
  TestTempDir dir;
  EXPECT_NE(open_error(dir.path() / "absent.bin").find("did the stage that writes it run"), std::string::npos);
}

TEST(WorkFile, RefusesAnotherFormatOrVersion) {
  TestTempDir dir;
  const auto path = write_three(dir);
  EXPECT_NE(open_error(path, FileFormat{"NDD-ELSE", 3, 8}).find("wrong magic"), std::string::npos);
  EXPECT_NE(open_error(path, FileFormat{"NDD-TEST", 4, 8}).find("format version 3"), std::string::npos);
  EXPECT_NE(open_error(path, FileFormat{"NDD-TEST", 3, 16}).find("record size"), std::string::npos);
  EXPECT_NE(open_error(dir.write("text.bin", "{\"id\": 1}\n")).find("too short"), std::string::npos);
  EXPECT_NE(open_error(dir.write("text2.bin", std::string(64, 'x'))).find("wrong magic"), std::string::npos);
}

TEST(WorkFile, RefusesATruncatedFile) {
  TestTempDir dir;
  const std::string bytes = read_file_bytes(write_three(dir));
  // Cut anywhere: in the footer, at a record boundary, inside a record.
  for (std::size_t cut : {bytes.size() - 1, bytes.size() - kWorkFileFooterBytes, kWorkFileHeaderBytes + 12})
    EXPECT_NE(open_error(dir.write("cut.bin", bytes.substr(0, cut))), "") << cut;
}

TEST(WorkFile, RefusesACountThatDisagreesWithTheSize) {
  TestTempDir dir;
  std::string bytes = read_file_bytes(write_three(dir));
  bytes[bytes.size() - kWorkFileFooterBytes] = 2;  // footer claims 2 records, the file holds 3
  EXPECT_NE(open_error(dir.write("count.bin", bytes)).find("record count"), std::string::npos);
}

TEST(WorkFile, VariableRecordsThatRunPastTheEndAreRefused) {
  TestTempDir dir;
  FormatWriter writer(dir.path() / "v.bin", kVariableFormat, FormatWriter::Kind::kPersistent);
  writer.write("abc", 3);
  writer.end_record();
  writer.finish();
  FormatReader reader(writer.path(), kVariableFormat);
  EXPECT_EQ(reader.records(), 1u);
  char four[4];
  EXPECT_THROW(reader.read(four, sizeof four), WorkFileError);
}

TEST(WorkFile, TemporaryFilesHaveNoNameAndReadBackUnfinishedOrFinished) {
  TestTempDir dir;
  FormatWriter writer(dir.path() / "temp.bin", kTestFormat, FormatWriter::Kind::kTemporary);
  writer.write_record(std::uint64_t{5});
  writer.flush();
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  FormatReader unfinished = FormatReader::unfinished(writer, kTestFormat);
  EXPECT_EQ(unfinished.records(), 1u);
  writer.write_record(std::uint64_t{6});
  writer.finish();
  FormatReader finished(writer, kTestFormat);
  EXPECT_EQ(finished.records(), 2u);
  std::uint64_t value = 0;
  ASSERT_TRUE(finished.read_record(value));
  EXPECT_EQ(value, 5u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(WorkFile, ReleasedTemporaryFileHoldsNothing) {
  TestTempDir dir;
  FormatWriter writer(dir.path() / "temp.bin", kTestFormat, FormatWriter::Kind::kTemporary);
  for (std::uint64_t i = 0; i < 100'000; ++i) writer.write_record(i);
  writer.finish();
  struct stat before {};
  ASSERT_EQ(::fstat(writer.temporary_fd(), &before), 0);
  EXPECT_GT(before.st_size, 800'000);
  writer.release_temporary();
  struct stat after {};
  ASSERT_EQ(::fstat(writer.temporary_fd(), &after), 0);
  EXPECT_EQ(after.st_size, 0);
}

// The writer buffers a temporary file itself: writes smaller than its buffer, filling it
// exactly, larger than it, and empty ones come back byte for byte, each at the offset it was
// written at.
TEST(WorkFile, TemporaryFilesKeepEveryWriteWhateverItsSize) {
  TestTempDir dir;
  FormatWriter writer(dir.path() / "temp.bin", kVariableFormat, FormatWriter::Kind::kTemporary);
  std::string expected;
  std::vector<std::uint64_t> offsets;
  std::uint32_t seed = 1;
  for (const std::size_t size : {std::size_t{3}, std::size_t{0}, std::size_t{(1 << 20) - 19}, std::size_t{1} << 20,
                                 std::size_t{5}, std::size_t{3} << 20, std::size_t{1000}, std::size_t{(1 << 20) + 1}}) {
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>((seed = seed * 1103515245u + 12345u) >> 24);
    offsets.push_back(writer.offset());
    EXPECT_EQ(offsets.back(), kWorkFileHeaderBytes + expected.size());
    writer.write(bytes.data(), bytes.size());
    writer.end_record();
    expected += bytes;
  }
  writer.finish();
  FormatReader reader(writer, kVariableFormat);
  EXPECT_EQ(reader.records(), offsets.size());
  ASSERT_EQ(reader.data_bytes(), expected.size());
  std::string back(expected.size(), '\0');
  ASSERT_TRUE(reader.read(back.data(), back.size()));
  EXPECT_TRUE(back == expected);
  char five[5];
  reader.read_at(offsets[4], five, sizeof five);
  EXPECT_EQ(std::string_view(five, sizeof five), std::string_view(expected).substr(offsets[4] - kWorkFileHeaderBytes, 5));
}

}  // namespace
}  // namespace newsdedup
