#include "io/pread_fully.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

TEST(PreadFully, ReadsTheRangeAskedFor) {
  TestTempDir dir;
  const int fd = ::open(dir.write("f", "0123456789").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string out(4, '?');
  EXPECT_EQ(pread_fully(fd, out.data(), 4, 3), 4);
  EXPECT_EQ(out, "3456");
  ::close(fd);
}

TEST(PreadFully, StopsShortWhereTheFileEnds) {
  TestTempDir dir;
  const int fd = ::open(dir.write("f", "0123456789").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string out(8, '?');
  EXPECT_EQ(pread_fully(fd, out.data(), 8, 6), 4);
  EXPECT_EQ(out.substr(0, 4), "6789");
  EXPECT_EQ(pread_fully(fd, out.data(), 8, 10), 0);
  ::close(fd);
}

TEST(PreadFully, ReportsErrorsWithErrno) {
  char byte = 0;
  errno = 0;
  EXPECT_EQ(pread_fully(-1, &byte, 1, 0), -1);
  EXPECT_EQ(errno, EBADF);
}

}  // namespace
}  // namespace newsdedup
