// InputOptions: how documents are found and read from the inputs named on the command line.
// Plain value type.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace newsdedup {

inline constexpr std::uint64_t kDefaultMaxDocumentBytes = std::uint64_t{16} << 20;

struct InputOptions {
  std::string id_field = "id";      // JSONL: where the id is; absent -> "FILE:LINE"
  std::string text_field = "text";  // JSONL: where the article text is
  // The largest document read: a longer JSONL line or .txt file is reported ("document_too_large")
  // and becomes an invalid document, its bytes never held, since cleaning and sketching one
  // takes about 25 times its size in memory.
  std::uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  // Files and folders found inside input folders that are never read: the job's own outputs,
  // so that a second run into an output folder inside an input folder does not read the first.
  std::vector<std::filesystem::path> excluded;
};

}  // namespace newsdedup
