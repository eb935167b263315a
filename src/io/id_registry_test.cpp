#include "io/id_registry.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace newsdedup {
namespace {

TEST(IdRegistry, FirstClaimKeepsTheIdLaterOnesAreNumbered) {
  IdRegistry ids;
  EXPECT_FALSE(ids.claim("a", "f:1"));
  EXPECT_FALSE(ids.claim("b", "f:2"));
  const auto second = ids.claim("a", "f:3");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, "a#2");
  EXPECT_EQ(second->first_source, "f:1");
  const auto third = ids.claim("a", "g:9");
  ASSERT_TRUE(third);
  EXPECT_EQ(third->id, "a#3");
  EXPECT_EQ(third->first_source, "f:1");
  EXPECT_EQ(ids.size(), 4u);
}

TEST(IdRegistry, ANewNameNeverTakesAnIdAlreadyClaimed) {
  IdRegistry ids;
  EXPECT_FALSE(ids.claim("x#2", "f:1"));
  EXPECT_FALSE(ids.claim("x", "f:2"));
  EXPECT_EQ(ids.claim("x", "f:3")->id, "x#3");
  // A document whose own id is a name given out earlier is renamed in turn.
  EXPECT_EQ(ids.claim("x#3", "f:4")->id, "x#3#2");
  EXPECT_EQ(ids.claim("x#2", "f:5")->id, "x#2#2");
}

TEST(IdRegistry, EmptyAndBinaryIdsAreIdsLikeAnyOther) {
  IdRegistry ids;
  const std::string with_nul("a\0b", 3);
  EXPECT_FALSE(ids.claim("", "f:1"));
  EXPECT_FALSE(ids.claim(with_nul, "f:2"));
  EXPECT_FALSE(ids.claim("a", "f:3"));
  EXPECT_EQ(ids.claim("", "f:4")->id, "#2");
  EXPECT_EQ(ids.claim(with_nul, "f:5")->id, with_nul + "#2");
}

// Every id hashes to the same value: only the string comparison can tell them apart.
std::uint64_t constant_hash(std::string_view) { return 42; }
// Two classes of ids: collisions are frequent but not universal.
std::uint64_t parity_hash(std::string_view id) { return id.size() % 2; }

TEST(IdRegistry, HashCollisionsNeverRenameADistinctId) {
  for (IdRegistry::HashFunction hash : {&constant_hash, &parity_hash}) {
    IdRegistry ids(hash);
    for (int i = 0; i < 300; ++i) EXPECT_FALSE(ids.claim("id" + std::to_string(i), "f")) << i;
    const auto again = ids.claim("id7", "g:1");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, "id7#2");
    EXPECT_EQ(again->first_source, "f");
    EXPECT_FALSE(ids.claim("id300", "g:2"));
  }
}

TEST(IdRegistry, ManyIdsSurviveGrowthAndSpilling) {
  IdRegistry ids;
  // Long ids, so that more than the in-memory buffer of the string store is used.
  const std::string pad(400, 'p');
  const int n = 20000;
  for (int i = 0; i < n; ++i) ASSERT_FALSE(ids.claim(pad + std::to_string(i), "src" + std::to_string(i)));
  std::set<std::string> renamed;
  for (int i = 0; i < n; i += 97) {
    const auto r = ids.claim(pad + std::to_string(i), "again");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->id, pad + std::to_string(i) + "#2");
    EXPECT_EQ(r->first_source, "src" + std::to_string(i));
    renamed.insert(r->id);
  }
  EXPECT_EQ(renamed.size(), static_cast<std::size_t>((n + 96) / 97));
  // The table holds 16-byte slots at most 75% and at least 37.5% full.
  EXPECT_LE(ids.bytes_per_id(), 16.0 / 0.375);
}

TEST(IdRegistry, ManyCopiesOfOneIdCostLinearTime) {
  IdRegistry ids;
  EXPECT_FALSE(ids.claim("same", "f:1"));
  for (int k = 2; k <= 50000; ++k) ASSERT_EQ(ids.claim("same", "f")->id, "same#" + std::to_string(k));
}

}  // namespace
}  // namespace newsdedup
