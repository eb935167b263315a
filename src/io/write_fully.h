// write_fully: writes a byte range to an open file completely.
//
// write() may write fewer bytes than asked for, or fail with EINTR; this retries until every
// byte is written or an error occurs (a write of none is taken for a full disk, ENOSPC). It is
// the write side of pread_fully (io/pread_fully.h); callers turn a failure into their own
// message, which names their file. Stateless; as thread-safe as write() on the descriptor.
#pragma once

#include <cstddef>

namespace newsdedup {

// Writes `bytes` bytes from `data` at the file position of `fd`. False, with errno set, on an error.
bool write_fully(int fd, const void* data, std::size_t bytes);

}  // namespace newsdedup
