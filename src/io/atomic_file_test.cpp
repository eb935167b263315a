#include "io/atomic_file.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path temp_name(const std::filesystem::path& path) {
  return path.string() + ".tmp-" + std::to_string(::getpid());
}

TEST(AtomicFile, CommitPublishesTheFile) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  {
    AtomicFile file(path, false);
    file.write("hello ");
    EXPECT_TRUE(std::filesystem::exists(temp_name(path)));
    EXPECT_FALSE(std::filesystem::exists(path));
    file.write(std::string(3 << 20, 'x'));  // more than the stdio buffer
    file.commit();
  }
  EXPECT_EQ(slurp(path), "hello " + std::string(3 << 20, 'x'));
  EXPECT_FALSE(std::filesystem::exists(temp_name(path)));
}

TEST(AtomicFile, AbandonedFileLeavesNothing) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  {
    AtomicFile file(path, false);
    file.write("partial");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(temp_name(path)));
}

TEST(AtomicFile, RefusesToOverwriteWithoutForce) {
  TestTempDir dir;
  const auto path = dir.write("out.jsonl", "old");
  try {
    AtomicFile file(path, false);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + " exists; use --force to overwrite");
  }
  EXPECT_EQ(slurp(path), "old");
}

TEST(AtomicFile, RefusesAFileThatAppearsWhileWriting) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  AtomicFile file(path, false);
  file.write("new");
  dir.write("out.jsonl", "raced");
  EXPECT_THROW(file.commit(), OutputError);
  EXPECT_EQ(slurp(path), "raced");
}

TEST(AtomicFile, OverwritesWithForce) {
  TestTempDir dir;
  const auto path = dir.write("out.jsonl", "old");
  AtomicFile file(path, true);
  file.write("new");
  EXPECT_EQ(slurp(path), "old");  // untouched until commit
  file.commit();
  EXPECT_EQ(slurp(path), "new");
}

TEST(AtomicFile, ReportsUncreatableFile) {
  TestTempDir dir;
  const auto path = dir.path() / "no-such-folder" / "out.jsonl";
  try {
    AtomicFile file(path, false);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ": No such file or directory");
  }
}

}  // namespace
}  // namespace newsdedup
