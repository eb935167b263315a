#include "pipeline/sketch_store.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

std::vector<std::uint32_t> as_vector(std::span<const std::uint32_t> values) { return {values.begin(), values.end()}; }

constexpr std::uint64_t kResident = 64 << 20;

TEST(SketchStore, ReadsBackEveryRecordByOffsetFromAPersistentFile) {
  TestTempDir dir;
  const std::vector<std::uint32_t> shingles = {3, 5, 8, 13}, numbers = {42};
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  const std::uint64_t first = writer.append("doc-1", shingles, numbers);
  const std::uint64_t empty = writer.append("", {}, {});
  const std::uint64_t third = writer.append("doc-\xC3\xA9", numbers, shingles);
  writer.finish();
  EXPECT_EQ(first, kWorkFileHeaderBytes);  // offset 0 stays free to mean "no sketch"

  const SketchReader store = SketchReader::open(dir.path() / "sketches.bin", kResident);
  ShingleBuffer buffer;
  ShingleView view = store.read(first, buffer);
  EXPECT_EQ(as_vector(view.shingles), shingles);
  EXPECT_EQ(as_vector(view.numbers), numbers);
  EXPECT_EQ(store.read_id(first), "doc-1");
  view = store.read(empty, buffer);
  EXPECT_TRUE(view.shingles.empty());
  EXPECT_TRUE(view.numbers.empty());
  EXPECT_EQ(store.read_id(empty), "");
  view = store.read(third, buffer);
  EXPECT_EQ(as_vector(view.shingles), numbers);
  EXPECT_EQ(as_vector(view.numbers), shingles);
  EXPECT_EQ(store.read_id(third), "doc-\xC3\xA9");
}

// Records are read with one block read when they fit in it: records and ids larger than the
// block, and records that end at the end of the file, are read whole too.
TEST(SketchStore, ReadsRecordsLargerThanTheReadBlockAndAtTheEndOfTheFile) {
  TestTempDir dir;
  std::vector<std::uint32_t> many(1500);
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = static_cast<std::uint32_t>(i * 7919);
  const std::vector<std::uint32_t> few = {1, 2};
  const std::string long_id(3000, 'x');
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  const std::uint64_t big = writer.append("big", many, few);
  const std::uint64_t long_named = writer.append(long_id, few, many);
  const std::uint64_t last = writer.append("last", few, few);
  writer.finish();

  const SketchReader store = SketchReader::open(dir.path() / "sketches.bin", kResident);
  ShingleBuffer buffer;
  ShingleView view = store.read(big, buffer);
  EXPECT_EQ(as_vector(view.shingles), many);
  EXPECT_EQ(as_vector(view.numbers), few);
  view = store.read(long_named, buffer);
  EXPECT_EQ(as_vector(view.shingles), few);
  EXPECT_EQ(as_vector(view.numbers), many);
  EXPECT_EQ(store.read_id(long_named), long_id);
  view = store.read(last, buffer);
  EXPECT_EQ(as_vector(view.shingles), few);
  EXPECT_EQ(store.read_id(last), "last");
}

// Records read through the map and with pread (records larger than the resident share) agree.
TEST(SketchStore, ReadsEveryRecordMappedOrNot) {
  TestTempDir dir;
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  std::vector<std::uint64_t> offsets;
  for (std::uint32_t i = 0; i < 200; ++i)
    offsets.push_back(writer.append("doc-" + std::to_string(i), std::vector<std::uint32_t>(i, i), std::vector<std::uint32_t>{i}));
  writer.finish();
  for (const std::uint64_t resident : {std::uint64_t{1}, std::uint64_t{64} << 20}) {
    const SketchReader store = SketchReader::open(dir.path() / "sketches.bin", resident);
    ShingleBuffer buffer;
    for (std::uint32_t i = 200; i-- > 0;) {
      const ShingleView view = store.read(offsets[i], buffer);
      ASSERT_EQ(as_vector(view.shingles), std::vector<std::uint32_t>(i, i)) << i;
      ASSERT_EQ(as_vector(view.numbers), std::vector<std::uint32_t>{i}) << i;
      ASSERT_EQ(store.read_id(offsets[i]), "doc-" + std::to_string(i));
    }
  }
}

TEST(SketchStore, ABadOffsetIsRefusedNamingTheFile) {
  TestTempDir dir;
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  const std::vector<std::uint32_t> shingles(1000, ~std::uint32_t{0});
  const std::uint64_t offset = writer.append("doc", shingles, {});
  writer.finish();
  const SketchReader store = SketchReader::open(dir.path() / "sketches.bin", kResident);
  ShingleBuffer buffer;
  EXPECT_THROW(store.read(0, buffer), WorkFileError);
  // An offset into the middle of the shingles reads a "header" whose counts run past the end.
  try {
    store.read(offset + 20, buffer);
    ADD_FAILURE() << "read a record that is not there";
  } catch (const WorkFileError& e) {
    EXPECT_NE(std::string(e.what()).find("sketches.bin"), std::string::npos);
  }
}

// Version 1 held 64-bit hashes: its records would be misread, so its files are refused.
TEST(SketchStore, RefusesAFileOfTheEarlierVersion) {
  TestTempDir dir;
  FormatWriter old(dir.path() / "sketches.bin", FileFormat{"NDD-SKCH", 1, 0}, FormatWriter::Kind::kPersistent);
  old.finish();
  EXPECT_THROW(SketchReader::open(dir.path() / "sketches.bin", kResident), WorkFileError);
}

// Version 2 did not pad the id: its arrays would be read from the wrong place, so its files are
// refused, the message naming both versions.
TEST(SketchStore, RefusesAVersion2FileNamingTheVersions) {
  TestTempDir dir;
  FormatWriter old(dir.path() / "sketches.bin", FileFormat{"NDD-SKCH", 2, 0}, FormatWriter::Kind::kPersistent);
  old.finish();
  try {
    SketchReader::open(dir.path() / "sketches.bin", kResident);
    ADD_FAILURE() << "read a version 2 file";
  } catch (const WorkFileError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("sketches.bin"), std::string::npos) << what;
    EXPECT_NE(what.find("format version 2, this program reads version 3"), std::string::npos) << what;
  }
}

// Ids of every length modulo 4 are padded so that each record, and its arrays, start on a
// multiple of 4: mapped records are viewed in place, and agree with those read with pread.
TEST(SketchStore, PadsIdsSoThatMappedArraysAreViewedInPlace) {
  TestTempDir dir;
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kPersistent);
  std::vector<std::uint64_t> offsets;
  const std::vector<std::uint32_t> shingles = {7, 9, 11}, numbers = {1};
  for (std::size_t length = 0; length < 9; ++length) {
    offsets.push_back(writer.append(std::string(length, 'i'), shingles, numbers));
    EXPECT_EQ(offsets.back() % 4, 0u) << length;
  }
  writer.finish();
  const SketchReader mapped = SketchReader::open(dir.path() / "sketches.bin", kResident);
  const SketchReader unmapped = SketchReader::open(dir.path() / "sketches.bin", 1);
  for (std::size_t length = 0; length < 9; ++length) {
    ShingleBuffer buffer;
    const ShingleView view = mapped.read(offsets[length], buffer);
    EXPECT_TRUE(buffer.shingles.empty() && buffer.numbers.empty()) << "copied out of the map";
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(view.shingles.data()) % alignof(std::uint32_t), 0u);
    EXPECT_EQ(as_vector(view.shingles), shingles) << length;
    EXPECT_EQ(as_vector(view.numbers), numbers) << length;
    EXPECT_EQ(mapped.read_id(offsets[length]), std::string(length, 'i'));
    const ShingleView read = unmapped.read(offsets[length], buffer);
    EXPECT_EQ(as_vector(read.shingles), shingles) << length;
    EXPECT_EQ(as_vector(read.numbers), numbers) << length;
    EXPECT_EQ(unmapped.read_id(offsets[length]), std::string(length, 'i'));
  }
  // An offset off a multiple of 4 names no record (a corrupt documents.bin).
  ShingleBuffer buffer;
  EXPECT_THROW(mapped.read(offsets[1] + 2, buffer), WorkFileError);
  EXPECT_THROW(unmapped.read_id(offsets[1] + 2), WorkFileError);
}

TEST(SketchStore, TemporaryStoreLeavesNoFileAndIsReadWhileWritten) {
  TestTempDir dir;
  SketchWriter writer(dir.path() / "sketches.bin", FormatWriter::Kind::kTemporary);
  const std::vector<std::uint32_t> shingles = {1, 2};
  const std::uint64_t first = writer.append("a", shingles, {});
  writer.flush();
  EXPECT_EQ(SketchReader::open(writer, kResident).read_id(first), "a");
  const std::uint64_t second = writer.append("b", {}, shingles);
  writer.flush();
  const SketchReader store = SketchReader::open(writer, kResident);
  EXPECT_EQ(store.read_id(second), "b");
  ShingleBuffer buffer;
  EXPECT_EQ(as_vector(store.read(second, buffer).numbers), shingles);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace newsdedup
