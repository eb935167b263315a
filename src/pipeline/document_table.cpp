#include "pipeline/document_table.h"

namespace newsdedup {
namespace {

struct DocumentRecord {
  std::uint64_t sketch_offset = 0;
  std::uint32_t body_bytes = 0;
  std::uint8_t state = 0;
  std::uint8_t zero[3] = {0, 0, 0};
};
static_assert(sizeof(DocumentRecord) == kDocumentsFormat.record_bytes);

}  // namespace

void DocumentTable::save(const std::filesystem::path& path, bool overwrite) const {
  FormatWriter file(path, kDocumentsFormat, FormatWriter::Kind::kPersistent, overwrite);
  for (std::size_t i = 0; i < size(); ++i)
    file.write_record(DocumentRecord{sketch_offsets[i], body_bytes[i], static_cast<std::uint8_t>(states[i])});
  file.finish();
}

DocumentTable DocumentTable::load(const std::filesystem::path& path) {
  FormatReader file(path, kDocumentsFormat);
  if (file.records() >= kNoDocument) file.fail("more documents than one run can hold");
  DocumentTable table;
  const auto n = static_cast<std::size_t>(file.records());
  table.states.reserve(n);
  table.body_bytes.reserve(n);
  table.sketch_offsets.reserve(n);
  DocumentRecord record;
  while (file.read_record(record)) {
    if (record.state > static_cast<std::uint8_t>(DocumentState::kInvalid))
      file.fail("document " + std::to_string(table.size()) + " has an unknown state (corrupt?)");
    if (record.state != static_cast<std::uint8_t>(DocumentState::kOk) && record.sketch_offset != 0)
      file.fail("document " + std::to_string(table.size()) + " without text has a sketch (corrupt?)");
    table.states.push_back(static_cast<DocumentState>(record.state));
    table.body_bytes.push_back(record.body_bytes);
    table.sketch_offsets.push_back(record.sketch_offset);
  }
  return table;
}

}  // namespace newsdedup
