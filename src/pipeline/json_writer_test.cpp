#include "pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdedup {
namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_string("a\"b\\c\nd\te\r\x01"), R"("a\"b\\c\nd\te\r\u0001")");
  EXPECT_EQ(json_string(std::string("nul\0", 4)), R"("nul\u0000")");
  EXPECT_EQ(json_string("caf\xC3\xA9 \xE2\x80\x94"), "\"caf\xC3\xA9 \xE2\x80\x94\"");
}

// A file name is not repaired when read; what is written must still be valid UTF-8.
TEST(JsonWriter, RepairsInvalidUtf8) {
  EXPECT_EQ(json_string("dir/caf\xE9\".txt"), "\"dir/caf\xEF\xBF\xBD\\\".txt\"");
  EXPECT_EQ(json_string("\xFF\xFE"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriter, NumbersKeepFourDecimalsAndNonFiniteIsNull) {
  std::string out;
  append_json_number(out, 0.123456);
  out += ',';
  append_json_number(out, 1.0 / 0.0);
  EXPECT_EQ(out, "0.1235,null");
}

}  // namespace
}  // namespace newsdedup
