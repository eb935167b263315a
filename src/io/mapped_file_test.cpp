#include "io/mapped_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

// An open descriptor of a file holding `content`, closed at the end of the test.
class OpenFile {
 public:
  OpenFile(const TestTempDir& dir, std::string_view content) {
    const auto path = dir.path() / "mapped";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    EXPECT_GE(fd_, 0);
    EXPECT_EQ(::write(fd_, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  }
  ~OpenFile() { ::close(fd_); }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

std::string text(std::span<const char> bytes) { return {bytes.begin(), bytes.end()}; }

TEST(MappedFile, MapsTheFirstBytesOfTheFile) {
  TestTempDir dir;
  const OpenFile file(dir, "header+records+footer");
  const MappedFile map(file.fd(), 14);
  ASSERT_TRUE(map.mapped());
  EXPECT_EQ(text(map.bytes()), "header+records");
}

// A range that starts inside a page, past the first, and ends inside a later one.
TEST(MappedFile, MapsARangeFromAnyOffset) {
  TestTempDir dir;
  std::string content;
  for (int i = 0; content.size() < 3 * 4096 * 4; ++i) content += std::to_string(i) + ',';
  const OpenFile file(dir, content);
  for (const bool populate : {false, true}) {
    for (const std::uint64_t from : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{4095}, std::uint64_t{4096},
                                     std::uint64_t{12'345}}) {
      const MappedFile map(file.fd(), from, 20'000, populate);
      ASSERT_TRUE(map.mapped()) << from;
      EXPECT_EQ(text(map.bytes()), content.substr(from, 20'000)) << from;
    }
  }
}

TEST(MappedFile, MapsNothingWithoutBytesOrAFile) {
  TestTempDir dir;
  const OpenFile file(dir, "");
  EXPECT_FALSE(MappedFile(file.fd(), 0).mapped());
  EXPECT_FALSE(MappedFile(-1, 100).mapped());
  const MappedFile none;
  EXPECT_FALSE(none.mapped());
  EXPECT_TRUE(none.bytes().empty());
}

TEST(MappedFile, MovingHandsTheMappingOver) {
  TestTempDir dir;
  const OpenFile file(dir, "moved");
  MappedFile first(file.fd(), 5);
  MappedFile second(std::move(first));
  EXPECT_FALSE(first.mapped());  // NOLINT(bugprone-use-after-move): moved-from state is specified
  EXPECT_EQ(text(second.bytes()), "moved");
  MappedFile third;
  third = std::move(second);
  EXPECT_FALSE(second.mapped());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(text(third.bytes()), "moved");
}

}  // namespace
}  // namespace newsdedup
