// Unnamed files: temporary files that have no name, so that a killed run leaves nothing behind.
//
// open_tmpfile() asks the file system for one (O_TMPFILE); create_unnamed_descriptor() falls
// back, where it has none, to a file made under a fresh name and unlinked at once;
// create_unnamed_file() wraps that in a FILE* and throws OutputError naming `path`. The caller
// owns what is returned and closes it; the space is freed when it is closed. Thread-safe.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace newsdedup {

// An O_TMPFILE file in `folder`, opened with `access` (O_RDWR or O_WRONLY) and permissions
// `mode`; -1 with errno set where the file system (or the kernel) has no unnamed files.
int open_tmpfile(const std::filesystem::path& folder, int access, mode_t mode);

// A read-write unnamed file in `folder`: open_tmpfile(), else mkstemp("<folder>/<stem>XXXXXX")
// unlinked at once. -1 with errno set when neither can be made.
int create_unnamed_descriptor(const std::filesystem::path& folder, std::string_view stem);

// A read-write unnamed file in `path`'s folder (`path` names it in messages, and in the name
// it has for a moment where the file system has no O_TMPFILE).
std::FILE* create_unnamed_file(const std::filesystem::path& path);

// Throws OutputError "PATH: WHAT: <strerror(errno)>" for a failed temporary-file operation.
[[noreturn]] void throw_file_error(const std::filesystem::path& path, std::string_view what);

}  // namespace newsdedup
