// InputOptions: how documents are found and read from the inputs named on the command line.
// Plain value type.
#pragma once

#include <string>

namespace newsdedup {

struct InputOptions {
  std::string id_field = "id";      // JSONL: where the id is; absent -> "FILE:LINE"
  std::string text_field = "text";  // JSONL: where the article text is
};

}  // namespace newsdedup
