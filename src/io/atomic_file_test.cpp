#include "io/atomic_file.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicFile, CommitPublishesTheFile) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  {
    AtomicFile file(path, false);
    file.write("hello ");
    EXPECT_FALSE(std::filesystem::exists(path));
    file.write(std::string(3 << 20, 'x'));  // more than the buffer: written past it, after "hello "
    file.commit();
  }
  EXPECT_EQ(read_file_bytes(path), "hello " + std::string(3 << 20, 'x'));
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.jsonl"});
}

// Writeback starts every few MiB while the file grows; every byte still arrives, in order.
TEST(AtomicFile, LargeFileArrivesWholeWhileItsWritebackStartsEarly) {
  TestTempDir dir;
  const auto path = dir.path() / "big.jsonl";
  std::string expected;
  {
    AtomicFile file(path, false);
    // Chunks written directly, between runs of small writes gathered in the buffer.
    for (int i = 0; i < 40; ++i) {
      const std::string chunk(((i % 5) + 1) * 100'000 + static_cast<std::size_t>(i), static_cast<char>('a' + i % 26));
      file.write(chunk);
      expected += chunk;
      for (int j = 0; j < i * 50; ++j) {
        const std::string line = std::to_string(i) + "," + std::to_string(j) + "\n";
        file.write(line);
        expected += line;
      }
    }
    file.commit();
  }
  ASSERT_GT(expected.size(), std::size_t{10} << 20);
  EXPECT_EQ(read_file_bytes(path), expected);
}

TEST(AtomicFile, AbandonedFileLeavesNothing) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  {
    AtomicFile file(path, false);
    file.write("partial");
  }
  EXPECT_TRUE(names_in(dir.path()).empty());
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
  EXPECT_EQ(read_file_bytes(path), "old");
}

TEST(AtomicFile, RefusesAFileThatAppearsWhileWriting) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  AtomicFile file(path, false);
  file.write("new");
  dir.write("out.jsonl", "raced");
  EXPECT_THROW(file.commit(), OutputError);
  EXPECT_EQ(read_file_bytes(path), "raced");
}

TEST(AtomicFile, OverwritesWithForce) {
  TestTempDir dir;
  const auto path = dir.write("out.jsonl", "old");
  AtomicFile file(path, true);
  file.write("new");
  EXPECT_EQ(read_file_bytes(path), "old");  // untouched until commit
  file.commit();
  EXPECT_EQ(read_file_bytes(path), "new");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.jsonl"});
}

// A process killed while writing leaves no file under the final name. Forking keeps the test
// self-contained: the child writes, then dies without unwinding.
TEST(AtomicFile, KilledWriterLeavesNoOutput) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    AtomicFile file(path, false);
    file.write(std::string(3 << 20, 'x'));
    ::_exit(0);  // no destructor, no commit: as if killed
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_FALSE(std::filesystem::exists(path));
  for (const std::string& name : names_in(dir.path())) EXPECT_NE(name, "out.jsonl");
}

// Where O_TMPFILE is missing, the temporary file has a name: "<path>.tmp-<pid>".
class NamedTemporaryFile : public testing::Test {
 protected:
  NamedTemporaryFile() { AtomicFile::use_named_temporary_files(true); }
  ~NamedTemporaryFile() override { AtomicFile::use_named_temporary_files(false); }
  static std::string temp_name() { return "out.jsonl.tmp-" + std::to_string(::getpid()); }
};

TEST_F(NamedTemporaryFile, CommitRenamesItIntoPlace) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  AtomicFile file(path, false);
  file.write("hello");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{temp_name()});
  file.commit();
  EXPECT_EQ(read_file_bytes(path), "hello");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.jsonl"});
}

TEST_F(NamedTemporaryFile, AbandonedFileIsRemoved) {
  TestTempDir dir;
  {
    AtomicFile file(dir.path() / "out.jsonl", false);
    file.write("partial");
  }
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST_F(NamedTemporaryFile, RefusesAFileThatAppearsWhileWritingUnlessForced) {
  TestTempDir dir;
  const auto path = dir.path() / "out.jsonl";
  {
    AtomicFile file(path, false);
    file.write("new");
    dir.write("out.jsonl", "raced");
    EXPECT_THROW(file.commit(), OutputError);
  }
  EXPECT_EQ(read_file_bytes(path), "raced");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"out.jsonl"});
  AtomicFile forced(path, true);
  forced.write("new");
  forced.commit();
  EXPECT_EQ(read_file_bytes(path), "new");
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
