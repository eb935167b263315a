#include "dedup/visit_levels.h"

#include <gtest/gtest.h>

#include <vector>

namespace newsdedup {
namespace {

TEST(VisitLevels, ChainsClimbAndIndependentDocumentsShareALevel) {
  // Window of ranks 10..15: 10 and 11 have candidates before the window; 12 follows 10; 13
  // follows 12 and 5; 15 follows 11 and 14, which has no candidates (it represents itself).
  const std::vector<std::uint32_t> candidates = {3, 7, 10, 5, 12, 11, 14};
  const std::vector<WindowDocument> window = {{10, 0, 1}, {11, 1, 2}, {12, 2, 3}, {13, 3, 5}, {15, 5, 7}};
  EXPECT_EQ(visit_levels(window, candidates), (std::vector<std::uint32_t>{0, 0, 1, 2, 1}));
}

TEST(VisitLevels, EmptyWindow) { EXPECT_TRUE(visit_levels({}, {}).empty()); }

}  // namespace
}  // namespace newsdedup
