// Spool: a temporary file of per-document records written in pass one and read back in order
// in pass two, so the text of the corpus never has to be held in memory.
//
// Each record is a sequence of strings, each written as a 32-bit length and its bytes.
// The file is anonymous (O_TMPFILE in the folder of `path`, else `path` unlinked as soon as it
// is open), so it disappears with the Spool or the process, even one killed. Not thread-safe.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace newsdedup {

class Spool {
 public:
  explicit Spool(std::filesystem::path path);
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void write(std::string_view text);
  // Switches from writing to reading from the start.
  void rewind();
  // Reads the next string written; throws at the end of the file.
  void read(std::string& text);

 private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
};

}  // namespace newsdedup
