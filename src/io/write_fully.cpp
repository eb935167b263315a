#include "io/write_fully.h"

#include <unistd.h>

#include <cerrno>

namespace newsdedup {

bool write_fully(int fd, const void* data, std::size_t bytes) {
  const auto* in = static_cast<const char*>(data);
  for (std::size_t done = 0; done < bytes;) {
    const ssize_t n = ::write(fd, in + done, bytes - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace newsdedup
