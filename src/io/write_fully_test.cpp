#include "io/write_fully.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

TEST(WriteFully, WritesEveryByte) {
  TestTempDir dir;
  const std::filesystem::path path = dir.path() / "f";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  const std::string text(1 << 20, 'x');
  EXPECT_TRUE(write_fully(fd, text.data(), text.size()));
  EXPECT_TRUE(write_fully(fd, "end", 3));
  ::close(fd);
  EXPECT_EQ(read_file_bytes(path), text + "end");
}

TEST(WriteFully, ReportsErrorsWithErrno) {
  errno = 0;
  EXPECT_FALSE(write_fully(-1, "x", 1));
  EXPECT_EQ(errno, EBADF);
}

}  // namespace
}  // namespace newsdedup
