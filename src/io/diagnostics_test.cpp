#include "io/diagnostics.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdedup {
namespace {

TEST(Diagnostics, OneLinePerProblemWithControlCharactersEscaped) {
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  diagnostics.warn("invalid_json", "dir/a\nb.jsonl:3", std::string("bad\tid \"x\ny\0\x7f\"", 14));
  diagnostics.warn("invalid_json", "f:4", "plain");
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "newsdedup: dir/a\\nb.jsonl:3: bad\\tid \"x\\ny\\x00\\x7f\"\nnewsdedup: f:4: plain\n");
  EXPECT_EQ(diagnostics.counts().at("invalid_json"), 2u);
}

TEST(Diagnostics, RepairsAreCountedButDoNotCountAsSkippedInput) {
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  diagnostics.warn("invalid_utf8", "f:1", "repaired");
  diagnostics.warn("duplicate_id", "f:2", "renamed");
  diagnostics.warn("empty_file", "g", "empty");
  EXPECT_EQ(diagnostics.total(), 3u);
  EXPECT_EQ(diagnostics.skipped(), 0u);
  diagnostics.warn("missing_text", "f:3", "no text");
  diagnostics.warn("corrupt_compressed", "h:9", "truncated");
  diagnostics.warn("some_future_kind", "h:10", "?");
  EXPECT_EQ(diagnostics.total(), 6u);
  EXPECT_EQ(diagnostics.skipped(), 3u);
}

TEST(Diagnostics, KindsThatLoseInput) {
  for (const char* kind : {"invalid_json", "missing_text", "binary_file", "unreadable_file", "skipped_file",
                           "corrupt_compressed"})
    EXPECT_TRUE(input_skipped(kind)) << kind;
  for (const char* kind : {"invalid_utf8", "duplicate_id", "empty_file"}) EXPECT_FALSE(input_skipped(kind)) << kind;
}

}  // namespace
}  // namespace newsdedup
