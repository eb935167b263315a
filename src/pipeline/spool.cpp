#include "pipeline/spool.h"

#include <cstdint>

namespace newsdedup {

void SpoolWriter::write(std::string_view text) {
  if (text.size() > UINT32_MAX) throw WorkFileError(file_.path().string() + ": a record over 4 GiB");
  const auto size = static_cast<std::uint32_t>(text.size());
  file_.write(&size, sizeof size);
  file_.write(text.data(), text.size());
}

void SpoolReader::read(std::string& text) {
  text.clear();
  append(text);
}

std::size_t SpoolReader::append(std::string& text) {
  std::uint32_t size = 0;
  if (!file_.read(&size, sizeof size)) file_.fail("fewer records than documents (truncated or corrupt)");
  // Checked before allocating: a corrupt length could ask for 4 GiB.
  if (size > file_.remaining()) file_.fail("a record runs past the end of the file (truncated or corrupt)");
  const std::size_t at = text.size();
  text.resize(at + size);
  file_.read(text.data() + at, size);
  return size;
}

}  // namespace newsdedup
