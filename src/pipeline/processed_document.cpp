#include "pipeline/processed_document.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#include "io/buffer_reuse.h"
#include "pipeline/json_writer.h"
#include "text/normalize.h"

namespace newsdedup {
namespace {

const std::string& title_of(const ProcessedDocument& document) {
  return document.input_title.empty() ? document.cleaned.title : document.input_title;
}

// {"id":…,["title":…,]["page_title":…,]"text":
void append_head(JsonLine& out, const ProcessedDocument& document) {
  out.raw('{');
  out.key("id");
  out.string(document.id);
  if (!title_of(document).empty()) {
    out.string_member("title", title_of(document));
  }
  // The headline the cleaner took out of the page is kept even when the input named a title.
  if (!document.input_title.empty() && !document.cleaned.title.empty() && document.cleaned.title != document.input_title) {
    out.string_member("page_title", document.cleaned.title);
  }
  out.raw(',');
  out.key("text");
}

void append_id_title_text(JsonLine& out, const ProcessedDocument& document) {
  append_head(out, document);
  out.string(document.cleaned.body);
}

// Reason names are plain identifiers: written between quotes as they stand, unescaped.
constexpr bool is_plain_json(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
  });
}
static_assert(std::all_of(kRemovalReasonNames.begin(), kRemovalReasonNames.end(), is_plain_json));

// `,"reason":"<name>","text":` for each reason, made at compile time and padded to one size:
// what a removed line writes between its number and its text, in one fixed-size copy.
struct ReasonFields {
  static constexpr std::string_view kBefore = ",\"reason\":\"";
  static constexpr std::string_view kAfter = "\",\"text\":";
  std::array<char, 64> padded{};
  std::size_t size = 0;
};

constexpr auto kReasonFields = [] {
  std::array<ReasonFields, kRemovalReasonCount> all{};
  for (std::size_t reason = 0; reason < kRemovalReasonCount; ++reason) {
    ReasonFields& fields = all[reason];
    for (const std::string_view piece : {ReasonFields::kBefore, kRemovalReasonNames[reason], ReasonFields::kAfter})
      for (const char c : piece) fields.padded[fields.size++] = c;  // a longer name fails to compile here
  }
  return all;
}();

// What opens a removed line's object: `[{"line":` for the first, `},{"line":` (closing the one
// before) for the others, padded to one fixed-size copy.
struct LineOpening {
  std::array<char, 16> padded{};
  std::size_t size = 0;
};

constexpr LineOpening line_opening(std::string_view text) {
  LineOpening opening;
  for (const char c : text) opening.padded[opening.size++] = c;
  return opening;
}

constexpr LineOpening kFirstLineOpening = line_opening("[{\"line\":");
constexpr LineOpening kNextLineOpening = line_opening("},{\"line\":");

// The most digits a line number takes.
constexpr std::size_t kLineNumberBytes = std::numeric_limits<decltype(RemovedLine::line)>::digits10 + 1;

void append_removed(JsonLine& out, const ProcessedDocument& document) {
  out.key("removed");
  const LineOpening* opening = &kFirstLineOpening;
  for (const RemovedLine& line : document.cleaned.removed) {
    // Everything before the text in one capacity test and through a local pointer: the pieces
    // are fixed-size copies and the number, each of a known most.
    const ReasonFields& fields = kReasonFields[static_cast<std::size_t>(line.reason)];
    char* at = out.room(opening->padded.size() + kLineNumberBytes + fields.padded.size());
    std::memcpy(at, opening->padded.data(), opening->padded.size());
    at += opening->size;
    at = std::to_chars(at, at + kLineNumberBytes, line.line).ptr;
    std::memcpy(at, fields.padded.data(), fields.padded.size());
    out.advance_to(at + fields.size);
    out.string(line.text);
    opening = &kNextLineOpening;
  }
  out.raw(document.cleaned.removed.empty() ? std::string_view("[]") : std::string_view("}]"));
}

// ,"quality":{"passed":false,"failed":[{"rule":"gopher_word_count","value":12,"limit":50}]}
// when the quality rules were applied.
void append_quality(JsonLine& out, const ProcessedDocument& document) {
  if (!document.cleaned.quality) return;
  const QualityVerdict& verdict = *document.cleaned.quality;
  out.raw(",\"quality\":{\"passed\":");
  out.raw(verdict.passed() ? "true" : "false");
  out.raw(",\"failed\":[");
  for (std::size_t i = 0; i < verdict.failures.size(); ++i) {
    const QualityFailure& failure = verdict.failures[i];
    if (i > 0) out.raw(',');
    out.raw("{\"rule\":");
    out.string(name(failure.rule));
    out.raw(",\"value\":");
    out.number(failure.value);
    out.raw(",\"limit\":");
    out.number(failure.limit);
    out.raw('}');
  }
  out.raw("]}");
}

void append_extra_fields(JsonLine& out, const ProcessedDocument& document) {
  if (document.extra_fields_json.empty()) return;
  out.raw(',');
  out.raw(document.extra_fields_json);
}

}  // namespace

void process_document(Document& document, const Cleaner& cleaner, bool sketch, const BoilerplateFilter* boilerplate,
                      ProcessedDocument& out) {
  out.ordinal = document.ordinal;
  // Swapped, not copied: the document takes the buffers `out` held, which the reader trims as it
  // reads the next document into it.
  out.id.swap(document.id);
  out.original_id.swap(document.original_id);
  out.source.swap(document.source);
  out.problem.swap(document.problem);
  out.input_title.swap(document.title);
  out.extra_fields_json.swap(document.extra_fields_json);
  out.input_bytes = document.input_bytes;
  out.repaired_utf8 = document.repaired_utf8;
  out.state = DocumentState::kOk;
  clear_all_for_reuse(kKeptBufferBytes, out.shingles.hashes, out.shingles.numbers, out.shingle_keys, out.corpus_head,
                      out.corpus_tail, out.record, out.audit_record, out.band_keys, out.paragraph_hashes);
  out.shingles.exact_hash = 0;
  out.shingles.word_count = 0;
  if (!out.problem.empty()) {
    out.cleaned = CleanedDocument();
    out.state = DocumentState::kInvalid;
    return;
  }
  out.cleaned = cleaner.clean(normalize_text(document.text), boilerplate);
  if (sketch) shingle_body(out.cleaned.body, out.shingles);
  const bool no_words = sketch ? out.shingles.word_count == 0 : out.cleaned.body.empty();
  if (no_words) out.state = DocumentState::kEmpty;
}

ProcessedDocument process_document(const Document& document, const Cleaner& cleaner, bool sketch,
                                   const BoilerplateFilter* boilerplate) {
  Document copy = document;
  ProcessedDocument out;
  process_document(copy, cleaner, sketch, boilerplate, out);
  return out;
}

void corpus_record_parts(const ProcessedDocument& document, std::string& head, std::string& tail) {
  {  // one JsonLine at a time: a second alive at once would take a buffer of its own
    JsonLine out;
    append_head(out, document);
    head.assign(out.view());
  }
  JsonLine out;
  append_extra_fields(out, document);
  out.raw('}');
  tail.assign(out.view());
}

std::string audit_details(const ProcessedDocument& document) {
  std::string details;
  audit_details(document, details);
  return details;
}

void audit_details(const ProcessedDocument& document, std::string& details) {
  JsonLine out;
  if (!document.original_id.empty()) {  // a repeated id, renamed to keep ids unique
    out.key("original_id");
    out.string(document.original_id);
    out.raw(',');
  }
  out.key("source");
  out.string(document.source);
  if (!document.problem.empty()) {
    out.string_member("problem", document.problem);
  }
  if (document.repaired_utf8 > 0) {
    out.raw(",\"repaired_utf8\":");
    out.integer(document.repaired_utf8);
  }
  if (!title_of(document).empty()) {
    out.string_member("title", title_of(document));
  }
  out.raw(',');
  append_removed(out, document);
  append_quality(out, document);
  details.assign(out.view());
}

std::string clean_record(const ProcessedDocument& document) {
  std::string record;
  clean_record(document, record);
  return record;
}

void clean_record(const ProcessedDocument& document, std::string& record) {
  JsonLine out;
  append_id_title_text(out, document);
  if (!document.original_id.empty()) {
    out.string_member("original_id", document.original_id);
  }
  out.raw(',');
  append_removed(out, document);
  append_quality(out, document);
  if (!document.problem.empty()) {
    out.string_member("problem", document.problem);
  }
  append_extra_fields(out, document);
  out.raw('}');
  record.assign(out.view());
}

}  // namespace newsdedup
