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

// The scan goes sixteen bytes at a time, the last block overlapping the one before: an escaped
// byte at any offset of a block, after or among bytes that are close to the ones it looks for
// (0x1F, 0x20, '!', '#', '[', ']', é, DEL).
TEST(JsonWriter, FindsEscapedBytesAtEveryOffset) {
  const std::string filler = "ab !#[]\xC3\xA9x\x7F" "0123456789abcdefghijklmnopqrstu";
  for (const char special : {'"', '\\', '\n', '\x1F', '\x01'}) {
    for (std::size_t at = 0; at <= filler.size(); ++at) {
      if (at < filler.size() && (static_cast<unsigned char>(filler[at]) & 0xC0) == 0x80) continue;  // inside é
      std::string text = filler;
      text.insert(at, 1, special);
      std::string expected = "\"";
      for (const char c : text) {
        if (c == '"') expected += "\\\"";
        else if (c == '\\') expected += "\\\\";
        else if (c == '\n') expected += "\\n";
        else if (c == '\x1F') expected += "\\u001f";
        else if (c == '\x01') expected += "\\u0001";
        else expected += c;
      }
      expected += '"';
      EXPECT_EQ(json_string(text), expected) << "escaped byte " << int(special) << " at " << at;
    }
  }
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
