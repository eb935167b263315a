#include "pipeline/json_writer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "text/utf8.h"

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

// The escaping as it was before the scan and the UTF-8 check were fused into one pass: the
// whole text checked (and repaired) first, then escaped a byte at a time.
std::string reference_json_string(std::string_view text) {
  std::string repaired(text);
  if (!is_valid_utf8(repaired)) repair_utf8(repaired);
  std::string out = "\"";
  for (const char c : repaired) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (byte < 0x20) out += fmt::format("\\u{:04x}", byte);
    else out += c;
  }
  return out + '"';
}

// Random texts of every length up to 80 bytes, from alphabets that mix ASCII, bytes to escape,
// well-formed UTF-8 and bytes that cannot be: the fused pass writes what checking first did.
TEST(JsonWriter, FusedEscapingMatchesCheckingThenEscaping) {
  std::mt19937 random(21);
  const std::vector<std::string> pieces = {"a", "Z", " ", "0", "\"", "\\", "\n", "\t", "\r", std::string(1, '\0'),
                                           "\x1F", "\x7F", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "\xE9",
                                           "\xC3", "\x80", "\xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
  for (const std::size_t ascii_weight : {0u, 20u, 200u}) {
    for (int trial = 0; trial < 4000; ++trial) {
      std::string text;
      const std::size_t length = random() % 81;
      while (text.size() < length) {
        const std::size_t pick = random() % (pieces.size() + ascii_weight);
        text += pick < pieces.size() ? pieces[pick] : std::string(1, static_cast<char>('a' + random() % 26));
      }
      ASSERT_EQ(json_string(text), reference_json_string(text)) << "weight " << ascii_weight << ", trial " << trial;
    }
  }
}

// The digits written without fmt are those fmt writes, for every score and for figures up to
// a million; larger and negative numbers still go through fmt.
TEST(JsonWriter, NumbersAreWrittenAsFmtWritesThem) {
  const auto expected = [](double value) { return fmt::format("{}", std::round(value * 10000.0) / 10000.0); };
  const auto written = [](double value) {
    std::string out;
    append_json_number(out, value);
    return out;
  };
  for (std::uint64_t units = 0; units <= 20000; ++units) {
    const double value = static_cast<double>(units) / 10000.0;
    ASSERT_EQ(written(value), expected(value)) << units;
  }
  std::mt19937_64 random(22);
  for (int trial = 0; trial < 200000; ++trial) {
    const double scale = std::pow(10.0, static_cast<double>(random() % 14) - 4.0);
    const double value = std::uniform_real_distribution<double>(-0.1, 1.0)(random) * scale;
    ASSERT_EQ(written(value), expected(value)) << value;
  }
  for (const double value : {0.0, -0.0, -0.00001, 0.00004, 0.00005, 12.0, 50.0, 999999.99995, 1e6, 1e10, 123456789.12345,
                             1e15, 1e16, 1e17, -3.5})
    EXPECT_EQ(written(value), expected(value)) << value;
  // The write stage writes a score of exactly 1 as "1" without calling it (write_stage.cpp).
  EXPECT_EQ(written(static_cast<double>(1.0f)), "1");
}

}  // namespace
}  // namespace newsdedup
