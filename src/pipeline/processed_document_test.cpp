#include "pipeline/processed_document.h"

#include <gtest/gtest.h>

#include <string>

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
// the text: together they are the line corpus_record() makes, whatever the title and the extra
// fields.
TEST(ProcessedDocument, CorpusLinePartsMakeTheCorpusLine) {
  const std::string story =
      "Markets Rally As \"Talks\" Resume\n\nThe minister said on Monday that the talks would resume next week, "
      "after a pause of two months \\ and a café.\n\nShares rose 2.5% in early trading.";
  for (const std::string& title : {std::string(), std::string("Given title \"quoted\""), std::string("Markets Rally As \"Talks\" Resume")}) {
    for (const std::string& extra : {std::string(), std::string(R"("url":"https://example.com/a?b=\"c\"","n":3)")}) {
      const ProcessedDocument document = processed(story, title, extra);
      ASSERT_EQ(document.state, DocumentState::kOk);
      std::string head = "stale";
      std::string tail = "stale";
      corpus_record_parts(document, head, tail);
      EXPECT_EQ(head + json_string(document.cleaned.body) + tail, corpus_record(document))
          << "title '" << title << "', extra '" << extra << "'";
      EXPECT_TRUE(head.ends_with("\"text\":")) << head;
      EXPECT_TRUE(tail.ends_with('}')) << tail;
    }
  }
}

}  // namespace
}  // namespace newsdedup
