#include "pipeline/report_writer.h"

#include <fmt/format.h>

#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "io/diagnostics.h"
#include "pipeline/json_writer.h"

namespace newsdedup {

std::string report_json(const RunSummary& s, const RunOptions& options) {
  const std::string inputs = json_string_array(options.inputs);
  const std::uint64_t skipped_inputs = count_skipped(s.input_problems);
  std::string seconds = "{";
  for (const char* stage : {"read_clean_sketch", "candidates", "cluster", "boilerplate", "write"}) {
    const auto it = s.stage_seconds.find(stage);
    seconds += fmt::format("\"{}\": {:.3f}, ", stage, it == s.stage_seconds.end() ? 0.0 : it->second);
  }
  seconds += fmt::format("\"total\": {:.3f}}}", s.total_seconds);

  return fmt::format(
      "{{\n"
      "  \"complete\": true,\n"
      "  \"inputs\": {},\n"
      "  \"input_fields\": {{\"id\": {}, \"text\": {}}},\n"
      "  \"parameters\": {{\"threads\": {}, \"strict\": {}, \"threshold\": {}, \"min_containment\": {}, \"min_shared_shingles\": {}, "
      "\"shingle_words\": {}, \"signature_size\": {}, \"bands\": {}, \"rows\": {}, \"memory_bytes\": {}, \"max_document_bytes\": {}, "
      "\"cross_corpus_stories\": {}}},\n"
      "  \"documents\": {},\n"
      "  \"bytes\": {},\n"
      "  \"kept\": {},\n"
      "  \"status\": {{\"kept\": {}, \"duplicate\": {}, \"exact_duplicate\": {}, \"empty\": {}, \"invalid\": {}}},\n"
      "  \"clusters\": {{\"count\": {}, \"by_size\": {}}},\n"
      "  \"lines_removed\": {},\n"
      "  \"input_problems\": {},\n"
      "  \"skipped_inputs\": {},\n"
      "  \"repaired_utf8_sequences\": {},\n"
      "  \"candidates\": {{\"pairs\": {}, \"verifications\": {}, \"oversized_buckets\": {}}},\n"
      "  \"cross_corpus_boilerplate\": {{\"paragraphs\": {}, \"documents_cleaned_again\": {}}},\n"
      "  \"spilled\": {{\"runs\": {}, \"bytes\": {}}},\n"
      "  \"seconds\": {},\n"
      "  \"mb_per_s\": {:.2f}\n"
      "}}\n",
      inputs, json_string(options.input.id_field), json_string(options.input.text_field), options.threads, options.strict,
      options.rule.threshold, options.rule.min_containment, options.rule.min_shared, kShingleWords, kSignatureSize,
      options.lsh.bands, options.lsh.rows, options.memory_bytes, options.input.max_document_bytes, options.boilerplate_stories, s.documents, s.input_bytes,
      s.kept, s.kept, s.duplicate, s.exact_duplicate, s.empty, s.invalid, s.clusters, json_object(s.clusters_by_size),
      json_object(s.lines_removed_by_name()), json_object(s.input_problems), skipped_inputs, s.repaired_utf8,
      s.candidate_pairs, s.verifications, s.oversized_buckets, s.boilerplate_paragraphs, s.boilerplate_documents,
      s.spilled_runs, s.spilled_bytes, seconds, s.megabytes_per_second());
}

}  // namespace newsdedup
