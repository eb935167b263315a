#include "io/diagnostics.h"

#include <fmt/core.h>

#include <array>
#include <cstdio>

namespace newsdedup {
namespace {

// One message is one line: a newline in a file name or an id must not start another.
void append_escaped(std::string& out, std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
  }
}

}  // namespace

bool input_skipped(std::string_view kind) {
  constexpr std::array<std::string_view, 3> kRepairs = {"invalid_utf8", "duplicate_id", "empty_file"};
  for (std::string_view repair : kRepairs)
    if (kind == repair) return false;
  return true;
}

void Diagnostics::warn(std::string_view kind, std::string_view location, std::string_view message) {
  std::string line = "newsdedup: ";
  append_escaped(line, location);
  line += ": ";
  append_escaped(line, message);
  line += '\n';
  std::lock_guard lock(mutex_);
  ++counts_[std::string(kind)];
  if (!quiet_) std::fputs(line.c_str(), stderr);
}

std::map<std::string, std::uint64_t> Diagnostics::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::uint64_t Diagnostics::total() const {
  std::lock_guard lock(mutex_);
  std::uint64_t n = 0;
  for (const auto& [kind, count] : counts_) n += count;
  return n;
}

std::uint64_t count_skipped(const std::map<std::string, std::uint64_t>& counts) {
  std::uint64_t n = 0;
  for (const auto& [kind, count] : counts)
    if (input_skipped(kind)) n += count;
  return n;
}

std::uint64_t Diagnostics::skipped() const {
  std::lock_guard lock(mutex_);
  return count_skipped(counts_);
}

}  // namespace newsdedup
