#include "pipeline/document_table.h"

#include <gtest/gtest.h>

#include "io/atomic_file.h"
#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

DocumentTable three_documents() {
  DocumentTable table;
  table.states = {DocumentState::kOk, DocumentState::kEmpty, DocumentState::kInvalid};
  table.body_bytes = {1234, 0, 7};
  table.sketch_offsets = {16, 0, 0};
  return table;
}

TEST(DocumentTable, RoundTrips) {
  TestTempDir dir;
  const DocumentTable table = three_documents();
  table.save(dir.path() / "documents.bin", false);
  const DocumentTable loaded = DocumentTable::load(dir.path() / "documents.bin");
  EXPECT_EQ(loaded.states, table.states);
  EXPECT_EQ(loaded.body_bytes, table.body_bytes);
  EXPECT_EQ(loaded.sketch_offsets, table.sketch_offsets);
  EXPECT_THROW(table.save(dir.path() / "documents.bin", false), OutputError);
}

TEST(DocumentTable, RefusesAnUnknownStateOrASketchWithoutText) {
  TestTempDir dir;
  three_documents().save(dir.path() / "documents.bin", false);
  const std::string bytes = read_file_bytes(dir.path() / "documents.bin");
  std::string unknown_state = bytes;
  unknown_state[kWorkFileHeaderBytes + 12] = 9;  // first record's state
  EXPECT_THROW(DocumentTable::load(dir.write("state.bin", unknown_state)), WorkFileError);
  std::string sketch_without_text = bytes;
  sketch_without_text[kWorkFileHeaderBytes + 16] = 16;  // second record (empty)'s sketch offset
  EXPECT_THROW(DocumentTable::load(dir.write("sketch.bin", sketch_without_text)), WorkFileError);
  EXPECT_THROW(DocumentTable::load(dir.write("cut.bin", bytes.substr(0, bytes.size() - 20))), WorkFileError);
}

}  // namespace
}  // namespace newsdedup
