#include "io/spilled_strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsdedup {
namespace {

TEST(SpilledStrings, ReadsBackWhatWasStoredInMemoryAndOnDisk) {
  SpilledStrings store;
  std::vector<std::string> stored;
  std::vector<std::uint64_t> handles;
  // About 5 MiB in all, so most strings are read back from the file; one is larger than the
  // in-memory buffer by itself.
  for (int i = 0; i < 5000; ++i) {
    stored.push_back(std::string(static_cast<std::size_t>(i % 2000), static_cast<char>('a' + i % 26)) +
                     std::to_string(i));
    if (i == 2500) stored.back() = std::string(3 << 20, 'z');
    if (i == 10) stored.back() = std::string("nul\0byte", 8);
    handles.push_back(store.append(stored.back()));
  }
  std::string out;
  for (std::size_t i = 0; i < stored.size(); i += 7) {
    store.read(handles[i], out);
    ASSERT_EQ(out, stored[i]) << i;
  }
  store.read(handles[2500], out);
  EXPECT_EQ(out, stored[2500]);
  store.read(handles.back(), out);
  EXPECT_EQ(out, stored.back());
}

TEST(SpilledStrings, EmptyStrings) {
  SpilledStrings store;
  const auto a = store.append("");
  const auto b = store.append("b");
  std::string out = "x";
  store.read(a, out);
  EXPECT_EQ(out, "");
  store.read(b, out);
  EXPECT_EQ(out, "b");
  EXPECT_EQ(store.size(), 9u);
}

}  // namespace
}  // namespace newsdedup
