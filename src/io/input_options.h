// InputOptions: how documents are found and read from the inputs named on the command line.
// Plain value type.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace newsdedup {

struct InputOptions {
  std::string id_field = "id";      // JSONL: where the id is; absent -> "FILE:LINE"
  std::string text_field = "text";  // JSONL: where the article text is
  // Files and folders found inside input folders that are never read: the job's own outputs,
  // so that a second run into an output folder inside an input folder does not read the first.
  std::vector<std::filesystem::path> excluded;
};

}  // namespace newsdedup
