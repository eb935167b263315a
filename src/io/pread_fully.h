// pread_fully: reads a byte range of an open file completely.
//
// pread() may return fewer bytes than asked for, or fail with EINTR; this retries until the
// range is read, the file ends, or another error occurs. It does not move the file position,
// so several threads may read one descriptor at once. Callers turn a short read or an error
// into their own message, which names their file.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>

namespace newsdedup {

// Reads bytes [offset, offset + bytes) of `fd` into `into`. Returns the bytes read: `bytes`, or
// fewer when the file ends first; -1 with errno set on an error.
ssize_t pread_fully(int fd, void* into, std::size_t bytes, std::uint64_t offset);

}  // namespace newsdedup
