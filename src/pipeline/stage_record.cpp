#include "pipeline/stage_record.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "io/atomic_file.h"
#include "pipeline/json_writer.h"
#include "pipeline/work_file.h"

namespace newsdedup {
namespace {

constexpr std::uint64_t kRecordVersion = 1;

}  // namespace

void write_stage_record(const std::filesystem::path& path, std::string_view stage, const RunSummary& s,
                        const RunOptions& o, bool overwrite) {
  AtomicFile file(path, overwrite);
  file.write(fmt::format(
      "{{\n  \"format\": \"newsdedup stage record\",\n  \"version\": {},\n  \"stage\": {},\n  \"inputs\": {},\n"
      "  \"id_field\": {},\n  \"text_field\": {},\n  \"quality\": {},\n  \"strict\": {},\n  \"threads\": {},\n"
      "  \"memory_bytes\": {},\n  \"max_document_bytes\": {},\n  \"bands\": {},\n  \"rows\": {},\n  \"max_bucket\": {},\n  \"threshold\": {},\n"
      "  \"min_containment\": {},\n  \"documents\": {},\n  \"input_bytes\": {},\n  \"repaired_utf8\": {},\n"
      "  \"lines_removed\": {},\n  \"input_problems\": {},\n  \"candidate_pairs\": {},\n  \"oversized_buckets\": {},\n"
      "  \"verifications\": {},\n  \"spilled_runs\": {},\n  \"spilled_bytes\": {},\n  \"stage_seconds\": {}\n}}\n",
      kRecordVersion, json_string(stage), json_string_array(o.inputs), json_string(o.input.id_field), json_string(o.input.text_field),
      o.quality, o.strict, o.threads, o.memory_bytes, o.input.max_document_bytes, o.lsh.bands, o.lsh.rows, o.lsh.max_bucket, o.rule.threshold,
      o.rule.min_containment, s.documents, s.input_bytes, s.repaired_utf8, json_object(s.lines_removed_by_name()),
      json_object(s.input_problems), s.candidate_pairs, s.oversized_buckets, s.verifications, s.spilled_runs,
      s.spilled_bytes, json_object(s.stage_seconds)));
  file.commit();
}

void read_stage_record(const std::filesystem::path& path, std::string_view stage, RunSummary& s, RunOptions& o) {
  auto fail = [&](const std::string& what) -> void {
    throw WorkFileError(path.string() + ": " + what);
  };
  simdjson::dom::parser parser;
  simdjson::dom::element record;
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path.string()).get(text))
    fail(std::string("cannot read") + (std::filesystem::exists(path) ? "" : " (did the stage that writes it run?)"));
  if (parser.parse(text).get(record)) fail("not JSON (corrupt?)");
  std::string_view value;
  std::uint64_t version = 0;
  if (record["version"].get(version) || version != kRecordVersion)
    fail("stage record version " + std::to_string(version) + ", this program reads version " +
         std::to_string(kRecordVersion));
  if (record["stage"].get(value) || value != stage) fail("not the record of the " + std::string(stage) + " stage");
  try {
    o.inputs.clear();
    for (simdjson::dom::element input : record["inputs"].get_array()) o.inputs.emplace_back(input.get_string().value());
    o.input.id_field = std::string(record["id_field"].get_string().value());
    o.input.text_field = std::string(record["text_field"].get_string().value());
    o.quality = record["quality"].get_bool().value();
    o.strict = record["strict"].get_bool().value();
    o.threads = record["threads"].get_uint64().value();
    o.memory_bytes = record["memory_bytes"].get_uint64().value();
    // Absent from the records of versions before the limit: the default then.
    if (record["max_document_bytes"].get(o.input.max_document_bytes) != simdjson::SUCCESS)
      o.input.max_document_bytes = kDefaultMaxDocumentBytes;
    o.lsh.bands = record["bands"].get_uint64().value();
    o.lsh.rows = record["rows"].get_uint64().value();
    o.lsh.max_bucket = record["max_bucket"].get_uint64().value();
    o.rule.threshold = record["threshold"].get_double().value();
    o.rule.min_containment = record["min_containment"].get_double().value();
    s.documents = record["documents"].get_uint64().value();
    s.input_bytes = record["input_bytes"].get_uint64().value();
    s.repaired_utf8 = record["repaired_utf8"].get_uint64().value();
    for (auto [key, count] : record["lines_removed"].get_object())
      for (std::size_t r = 0; r < kRemovalReasonCount; ++r)
        if (kRemovalReasonNames[r] == key) s.lines_removed[r] = count.get_uint64().value();
    s.input_problems.clear();
    for (auto [key, count] : record["input_problems"].get_object())
      s.input_problems[std::string(key)] = count.get_uint64().value();
    s.candidate_pairs = record["candidate_pairs"].get_uint64().value();
    s.oversized_buckets = record["oversized_buckets"].get_uint64().value();
    s.verifications = record["verifications"].get_uint64().value();
    s.spilled_runs = record["spilled_runs"].get_uint64().value();
    s.spilled_bytes = record["spilled_bytes"].get_uint64().value();
    for (auto [key, seconds] : record["stage_seconds"].get_object())
      s.stage_seconds[std::string(key)] = seconds.get_double().value();
  } catch (const simdjson::simdjson_error& e) {
    fail(std::string("a field is missing or of the wrong type (corrupt?): ") + e.what());
  }
}

}  // namespace newsdedup
