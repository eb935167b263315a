#include "io/unnamed_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>

#include "io/atomic_file.h"
#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

TEST(UnnamedFile, DescriptorIsReadWriteAndLeavesNoName) {
  TestTempDir dir;
  const int fd = create_unnamed_descriptor(dir.path(), "stem-");
  ASSERT_GE(fd, 0);
  struct stat info {};
  ASSERT_EQ(::fstat(fd, &info), 0);
  EXPECT_EQ(info.st_nlink, 0u);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  ASSERT_EQ(::pwrite(fd, "abc", 3, 0), 3);
  char back[3] = {};
  ASSERT_EQ(::pread(fd, back, 3, 0), 3);
  EXPECT_EQ(std::string(back, 3), "abc");
  ::close(fd);
}

TEST(UnnamedFile, FileIsWritableLeavesNoNameAndIsClosedByItsLastHandle) {
  TestTempDir dir;
  UnnamedFile file = UnnamedFile::create(dir.path() / "work.bin");
  ASSERT_GE(file.fd(), 0);
  EXPECT_EQ(::write(file.fd(), "abc", 3), 3);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  const int fd = file.fd();
  UnnamedFile moved = std::move(file);
  EXPECT_EQ(file.fd(), -1);
  EXPECT_EQ(moved.fd(), fd);
  moved = UnnamedFile();
  EXPECT_EQ(::fcntl(fd, F_GETFD), -1);  // closed with the handle that held it
}

TEST(UnnamedFile, MissingFolderThrowsNamingTheFile) {
  TestTempDir dir;
  const std::filesystem::path path = dir.path() / "missing" / "work.bin";
  EXPECT_LT(create_unnamed_descriptor(path.parent_path(), "stem-"), 0);
  try {
    UnnamedFile::create(path);
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string() + ": cannot create temporary file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace newsdedup
