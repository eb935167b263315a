// DocumentTable: the few bytes per document that every stage after the first needs in memory
// (13: state, cleaned body length, offset of the sketch), indexed by input order.
//
// documents.bin is a work file (pipeline/work_file.h) of magic "NDD-DOCS", version 1, one
// 16-byte record per document in input order: u64 sketch offset in sketches.bin (0: no
// sketch, the document is never compared), u32 cleaned body bytes, u8 state (0 ok, 1 empty,
// 2 invalid), 3 zero bytes. Plain value type; save() and load() throw WorkFileError (or
// OutputError when the file exists) naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "pipeline/processed_document.h"
#include "pipeline/work_file.h"

namespace newsdedup {

inline constexpr FileFormat kDocumentsFormat{"NDD-DOCS", 1, 16};
inline constexpr std::uint32_t kNoDocument = ~0u;

struct DocumentTable {
  std::vector<DocumentState> states;
  std::vector<std::uint32_t> body_bytes;
  std::vector<std::uint64_t> sketch_offsets;

  std::size_t size() const { return states.size(); }
  void save(const std::filesystem::path& path, bool overwrite) const;
  static DocumentTable load(const std::filesystem::path& path);
};

}  // namespace newsdedup
