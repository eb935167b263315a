// ProcessedDocument: one input document after the per-document stages (normalise, clean,
// shingle), with the JSON fragments the writers need later.
//
// process_document() is the unit of parallel work: it depends on nothing but its input and
// the Cleaner, so documents can be processed on any thread in any order. Value type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "clean/cleaned_document.h"
#include "clean/cleaner.h"
#include "dedup/lsh_candidates.h"
#include "dedup/shingles.h"
#include "document/document.h"

namespace newsdedup {

enum class DocumentState : unsigned char { kOk, kEmpty, kInvalid };

struct ProcessedDocument {
  std::uint64_t ordinal = 0;
  std::string id;
  std::string original_id;  // the id as read, when it was renamed to keep ids unique
  std::string source;
  std::string problem;
  std::string input_title;  // the input's own title; written instead of the cleaner's when present
  std::string extra_fields_json;
  std::uint64_t input_bytes = 0;
  std::uint32_t repaired_utf8 = 0;
  DocumentState state = DocumentState::kOk;
  CleanedDocument cleaned;
  ShingleSet shingles;  // filled when sketching; `run` empties its 64-bit hashes once keyed
  // What the sketch stores of the shingles (shingle_keys()): made by `run` (prepare_run_records)
  // for a comparable document, so that the consumer only copies them out.
  ShingleKeys shingle_keys;
  // The job's records of this document, serialised on a worker thread (see stream_documents)
  // so that the in-order consumer only copies them. `run` fills the corpus line's parts (empty
  // unless kOk: the line is corpus_head, the body as a JSON string, corpus_tail; the body is
  // escaped only by the write stage, for the documents kept, about a quarter), the audit details
  // and the LSH band keys, and, with --cross-corpus, the hashes of the paragraphs it counts;
  // `clean` only `record`, its whole output line.
  std::string corpus_head;
  std::string corpus_tail;
  std::string record;
  std::string audit_record;
  std::vector<BandKey> band_keys;
  std::vector<std::uint64_t> paragraph_hashes;
};

// `boilerplate` (optional): cross-corpus evidence for the cleaner (see Cleaner::clean).
ProcessedDocument process_document(const Document& document, const Cleaner& cleaner, bool sketch,
                                   const BoilerplateFilter* boilerplate = nullptr);
// The same into `out`, every field of which it sets, reusing the buffers of the document it
// held before (those over kKeptBufferBytes are given back): a thread that processes document
// after document into the same few ProcessedDocuments allocates little. The document's id,
// source, title, problem and extra fields are swapped into `out`, not copied: `document` is left
// holding `out`'s old strings, to be read into again.
void process_document(Document& document, const Cleaner& cleaner, bool sketch, const BoilerplateFilter* boilerplate,
                      ProcessedDocument& out);

// A line of corpus.jsonl, {"id","title","text",<extra fields>}, in its parts around the text:
// `{"id":…,"title":…,"text":` and `<,extra fields>}`, into `head` and `tail`, replaced. The
// line is head, json_string(cleaned.body), tail.
void corpus_record_parts(const ProcessedDocument& document, std::string& head, std::string& tail);
// ["original_id":…,]"source":…,"title":…,"removed":[…](,"quality":{…}): the per-document tail
// of an audit line (no braces).
std::string audit_details(const ProcessedDocument& document);
void audit_details(const ProcessedDocument& document, std::string& details);  // into `details`, replaced
// {"id","title","text",["original_id",]"removed":[…],("quality":{…},)<extra fields>}: a line of
// `clean` output.
std::string clean_record(const ProcessedDocument& document);
void clean_record(const ProcessedDocument& document, std::string& record);  // into `record`, replaced

}  // namespace newsdedup
