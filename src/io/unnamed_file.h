// create_unnamed_file: a read-write temporary file that has no name, so that a killed run
// leaves nothing behind.
//
// Opens `path`'s folder with O_TMPFILE where the file system supports it; elsewhere creates
// `path` and unlinks it at once. The caller owns the returned FILE* and closes it; the space
// is freed when it is closed. Throws OutputError naming `path` when the file cannot be made.
// Thread-safe.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace newsdedup {

std::FILE* create_unnamed_file(const std::filesystem::path& path);

// Throws OutputError "PATH: WHAT: <strerror(errno)>" for a failed temporary-file operation.
[[noreturn]] void throw_file_error(const std::filesystem::path& path, std::string_view what);

}  // namespace newsdedup
