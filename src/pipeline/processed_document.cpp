#include "pipeline/processed_document.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "pipeline/json_writer.h"
#include "text/normalize.h"

namespace newsdedup {
namespace {

const std::string& title_of(const ProcessedDocument& document) {
  return document.input_title.empty() ? document.cleaned.title : document.input_title;
}

void append_id_title_text(std::string& out, const ProcessedDocument& document) {
  out += '{';
  append_json_key(out, "id");
  append_json_string(out, document.id);
  if (!title_of(document).empty()) {
    out += ',';
    append_json_key(out, "title");
    append_json_string(out, title_of(document));
  }
  // The headline the cleaner took out of the page is kept even when the input named a title.
  if (!document.input_title.empty() && !document.cleaned.title.empty() && document.cleaned.title != document.input_title) {
    out += ',';
    append_json_key(out, "page_title");
    append_json_string(out, document.cleaned.title);
  }
  out += ',';
  append_json_key(out, "text");
  append_json_string(out, document.cleaned.body);
}

// Reason names are plain identifiers: written between quotes as they stand, unescaped.
constexpr bool is_plain_json(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
  });
}
static_assert(std::all_of(kRemovalReasonNames.begin(), kRemovalReasonNames.end(), is_plain_json));

void append_removed(std::string& out, const ProcessedDocument& document) {
  append_json_key(out, "removed");
  out += '[';
  bool first = true;
  for (const RemovedLine& line : document.cleaned.removed) {
    if (!first) out += ',';
    first = false;
    out += "{\"line\":";
    char digits[16];  // std::to_chars: no temporary string per line
    out.append(digits, std::to_chars(digits, digits + sizeof digits, line.line).ptr);
    out += ",\"reason\":\"";
    out += name(line.reason);
    out += "\",\"text\":";
    append_json_string(out, line.text);
    out += '}';
  }
  out += ']';
}

// ,"quality":{"passed":false,"failed":[{"rule":"gopher_word_count","value":12,"limit":50}]}
// when the quality rules were applied.
void append_quality(std::string& out, const ProcessedDocument& document) {
  if (!document.cleaned.quality) return;
  const QualityVerdict& verdict = *document.cleaned.quality;
  out += ",\"quality\":{\"passed\":";
  out += verdict.passed() ? "true" : "false";
  out += ",\"failed\":[";
  for (std::size_t i = 0; i < verdict.failures.size(); ++i) {
    const QualityFailure& failure = verdict.failures[i];
    if (i > 0) out += ',';
    out += "{\"rule\":";
    append_json_string(out, name(failure.rule));
    out += ",\"value\":";
    append_json_number(out, failure.value);
    out += ",\"limit\":";
    append_json_number(out, failure.limit);
    out += '}';
  }
  out += "]}";
}

void append_extra_fields(std::string& out, const ProcessedDocument& document) {
  if (document.extra_fields_json.empty()) return;
  out += ',';
  out += document.extra_fields_json;
}

}  // namespace

ProcessedDocument process_document(Document&& document, const Cleaner& cleaner, bool sketch,
                                   const BoilerplateFilter* boilerplate) {
  ProcessedDocument out;
  out.ordinal = document.ordinal;
  out.id = std::move(document.id);
  out.original_id = std::move(document.original_id);
  out.source = std::move(document.source);
  out.problem = std::move(document.problem);
  out.input_title = std::move(document.title);
  out.extra_fields_json = std::move(document.extra_fields_json);
  out.input_bytes = document.input_bytes;
  out.repaired_utf8 = document.repaired_utf8;
  if (!out.problem.empty()) {
    out.state = DocumentState::kInvalid;
    return out;
  }
  out.cleaned = cleaner.clean(normalize_text(document.text), boilerplate);
  if (sketch) out.shingles = shingle_body(out.cleaned.body);
  const bool no_words = sketch ? out.shingles.word_count == 0 : out.cleaned.body.empty();
  if (no_words) out.state = DocumentState::kEmpty;
  return out;
}

std::string corpus_record(const ProcessedDocument& document) {
  std::string out;
  out.reserve(document.cleaned.body.size() + document.extra_fields_json.size() + 64);
  append_id_title_text(out, document);
  append_extra_fields(out, document);
  out += '}';
  return out;
}

namespace {

void append_original_id(std::string& out, const ProcessedDocument& document) {
  if (document.original_id.empty()) return;
  out += ',';
  append_json_key(out, "original_id");
  append_json_string(out, document.original_id);
}

// About the size of an audit tail, so that it is built without reallocating as it grows.
std::size_t audit_size_estimate(const ProcessedDocument& document) {
  std::size_t size = 128 + document.original_id.size() + document.source.size() + document.problem.size() +
                     title_of(document).size();
  for (const RemovedLine& line : document.cleaned.removed) size += line.text.size() + 64;
  return size;
}

}  // namespace

std::string audit_details(const ProcessedDocument& document) {
  std::string out;
  out.reserve(audit_size_estimate(document));
  if (!document.original_id.empty()) {  // a repeated id, renamed to keep ids unique
    append_json_key(out, "original_id");
    append_json_string(out, document.original_id);
    out += ',';
  }
  append_json_key(out, "source");
  append_json_string(out, document.source);
  if (!document.problem.empty()) {
    out += ',';
    append_json_key(out, "problem");
    append_json_string(out, document.problem);
  }
  if (document.repaired_utf8 > 0) {
    out += ",\"repaired_utf8\":";
    out += std::to_string(document.repaired_utf8);
  }
  if (!title_of(document).empty()) {
    out += ',';
    append_json_key(out, "title");
    append_json_string(out, title_of(document));
  }
  out += ',';
  append_removed(out, document);
  append_quality(out, document);
  return out;
}

std::string clean_record(const ProcessedDocument& document) {
  std::string out;
  out.reserve(document.cleaned.body.size() + audit_size_estimate(document));
  append_id_title_text(out, document);
  append_original_id(out, document);
  out += ',';
  append_removed(out, document);
  append_quality(out, document);
  if (!document.problem.empty()) {
    out += ',';
    append_json_key(out, "problem");
    append_json_string(out, document.problem);
  }
  append_extra_fields(out, document);
  out += '}';
  return out;
}

}  // namespace newsdedup
