#include "pipeline/stage_record.h"

#include <gtest/gtest.h>

#include "io/test_temp_dir.h"
#include "pipeline/work_file.h"

namespace newsdedup {
namespace {

TEST(StageRecord, RoundTripsOptionsAndCounts) {
  TestTempDir dir;
  RunOptions options;
  options.inputs = {"a.jsonl", "folder \"quoted\"\n"};
  options.input.id_field = "url";
  options.quality = true;
  options.threads = 3;
  options.memory_bytes = 12345678;
  options.input.max_document_bytes = 4321;
  options.rule.threshold = 0.3;
  options.rule.min_containment = 1;
  options.lsh.bands = 32;
  RunSummary summary;
  summary.documents = 10;
  summary.input_bytes = 999;
  summary.lines_removed[static_cast<std::size_t>(RemovalReason::kNavigation)] = 4;
  summary.input_problems["bad_json"] = 2;
  summary.candidate_pairs = 7;
  summary.stage_seconds["candidates"] = 1.5;
  write_stage_record(dir.path() / "candidates.json", "candidates", summary, options, false);

  RunOptions read_options;
  RunSummary read_summary;
  read_stage_record(dir.path() / "candidates.json", "candidates", read_summary, read_options);
  EXPECT_EQ(read_options.inputs, options.inputs);
  EXPECT_EQ(read_options.input.id_field, "url");
  EXPECT_TRUE(read_options.quality);
  EXPECT_EQ(read_options.threads, 3u);
  EXPECT_EQ(read_options.memory_bytes, 12345678u);
  EXPECT_EQ(read_options.input.max_document_bytes, 4321u);
  EXPECT_DOUBLE_EQ(read_options.rule.threshold, 0.3);
  EXPECT_DOUBLE_EQ(read_options.rule.min_containment, 1.0);
  EXPECT_EQ(read_options.lsh.bands, 32u);
  EXPECT_EQ(read_summary.documents, 10u);
  EXPECT_EQ(read_summary.input_bytes, 999u);
  EXPECT_EQ(read_summary.lines_removed, summary.lines_removed);
  EXPECT_EQ(read_summary.input_problems, summary.input_problems);
  EXPECT_EQ(read_summary.candidate_pairs, 7u);
  EXPECT_DOUBLE_EQ(read_summary.stage_seconds["candidates"], 1.5);
}

TEST(StageRecord, RefusesAMissingCorruptOrOtherStagesRecord) {
  TestTempDir dir;
  RunOptions options;
  RunSummary summary;
  write_stage_record(dir.path() / "sketch.json", "sketch", summary, options, false);
  EXPECT_THROW(read_stage_record(dir.path() / "sketch.json", "cluster", summary, options), WorkFileError);
  EXPECT_THROW(read_stage_record(dir.path() / "absent.json", "sketch", summary, options), WorkFileError);
  EXPECT_THROW(read_stage_record(dir.write("cut.json", "{\"version\": 1, \"stage\": \"sk"), "sketch", summary, options),
               WorkFileError);
  EXPECT_THROW(read_stage_record(dir.write("v2.json", "{\"version\": 2, \"stage\": \"sketch\"}"), "sketch", summary,
                                 options),
               WorkFileError);
  try {
    read_stage_record(dir.write("partial.json", "{\"version\": 1, \"stage\": \"sketch\"}"), "sketch", summary, options);
    ADD_FAILURE() << "read a record without its fields";
  } catch (const WorkFileError& e) {
    EXPECT_NE(std::string(e.what()).find("partial.json"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsdedup
