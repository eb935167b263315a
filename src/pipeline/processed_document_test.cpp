#include "pipeline/processed_document.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/json_writer.h"

namespace newsdedup {
namespace {

ProcessedDocument processed(std::string text, std::string input_title, std::string extra_fields_json) {
  Document document;
  document.id = "doc-1";
  document.title = std::move(input_title);
  document.text = std::move(text);
  document.extra_fields_json = std::move(extra_fields_json);
  return process_document(document, Cleaner(), /*sketch=*/true);
}

// The spool keeps a corpus line as its head, its text and its tail, and the write stage escapes
// the text: together they make one JSON object with the id, the title, the cleaned text and the
// input's other fields, whatever the title and the fields.
TEST(ProcessedDocument, CorpusLinePartsMakeTheCorpusLine) {
  const std::string story =
      "Markets Rally As \"Talks\" Resume\n\nThe minister said on Monday that the talks would resume next week, "
      "after a pause of two months \\ and a café.\n\nShares rose 2.5% in early trading.";
  simdjson::dom::parser parser;
  for (const std::string& title : {std::string(), std::string("Given title \"quoted\"")}) {
    for (const std::string& extra : {std::string(), std::string(R"("url":"https://example.com/a?b=\"c\"","n":3)")}) {
      const ProcessedDocument document = processed(story, title, extra);
      ASSERT_EQ(document.state, DocumentState::kOk);
      std::string head = "stale";
      std::string tail = "stale";
      corpus_record_parts(document, head, tail);
      const std::string line = head + json_string(document.cleaned.body) + tail;
      simdjson::dom::object object;
      ASSERT_EQ(parser.parse(line).get(object), simdjson::SUCCESS) << line;
      EXPECT_EQ(std::string_view(object["id"]), "doc-1");
      EXPECT_EQ(std::string_view(object["text"]), document.cleaned.body);
      EXPECT_FALSE(document.cleaned.body.empty());
      std::size_t fields = 3;  // id, title (the input's, else the page's headline), text
      EXPECT_FALSE(document.cleaned.title.empty());
      EXPECT_EQ(std::string_view(object["title"]), title.empty() ? document.cleaned.title : title);
      if (!title.empty()) {
        EXPECT_EQ(std::string_view(object["page_title"]), document.cleaned.title);  // it differs
        ++fields;
      }
      if (!extra.empty()) {
        EXPECT_EQ(std::string_view(object["url"]), "https://example.com/a?b=\"c\"");
        EXPECT_EQ(std::int64_t(object["n"]), 3);
        fields += 2;
      }
      EXPECT_EQ(object.size(), fields) << line;
    }
  }
}

// An audit line's removed lines are written through one capacity test a line and padded
// copies: the same bytes as writing each piece with the general JSON helpers, for every reason,
// line numbers of one to ten digits, texts to escape or beyond ASCII, empty and long, and
// enough lines that the line's buffer grows in the middle of one.
TEST(ProcessedDocument, AuditRemovedLinesMatchTheGeneralJsonHelpers) {
  const std::vector<std::string> texts = {
      "", "a", "Share this", "Read more \"here\" \\ now", "tab\there\x01", "café — 東京 news",
      std::string(300, 'x') + "\n" + std::string(40, 'y'), "\xff\xfe broken", std::string(17, '"')};
  const std::vector<std::uint32_t> numbers = {0, 7, 42, 999, 12345, 4294967295u};
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{5000}}) {
    ProcessedDocument document;
    document.source = "feed.jsonl:12";
    std::string expected = "\"source\":\"feed.jsonl:12\",\"removed\":[";
    for (std::size_t i = 0; i < count; ++i) {
      RemovedLine line;
      line.line = numbers[i % numbers.size()] + (i >= numbers.size() ? static_cast<std::uint32_t>(i % 3) : 0u);
      line.text = texts[i % texts.size()];
      line.reason = static_cast<RemovalReason>(i % kRemovalReasonCount);
      document.cleaned.removed.push_back(line);
      if (i > 0) expected += ',';
      expected += "{\"line\":" + std::to_string(line.line) + ",\"reason\":";
      append_json_string(expected, kRemovalReasonNames[static_cast<std::size_t>(line.reason)]);
      expected += ",\"text\":";
      append_json_string(expected, line.text);
      expected += '}';
    }
    expected += ']';
    EXPECT_EQ(audit_details(document), expected) << count;
  }
}

}  // namespace
}  // namespace newsdedup
