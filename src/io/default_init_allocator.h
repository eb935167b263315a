// DefaultInitAllocator: std::allocator, except that a container's resize() default-initialises
// the elements it adds (for a trivial type: leaves them as they are) instead of zeroing them.
// For a buffer that is resized and then written in full, such as a document's shingle hashes,
// which a radix sort scatters into place: zeroing it first was a pass over it as long as the
// sort's own (memset of 8 bytes a shingle). Elements constructed with arguments are constructed
// as std::allocator constructs them. Stateless, like std::allocator.
#pragma once

#include <memory>
#include <new>
#include <utility>

namespace newsdedup {

template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
  using std::allocator<T>::allocator;
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  template <typename U>
  void construct(U* at) {
    ::new (static_cast<void*>(at)) U;
  }
  template <typename U, typename... Args>
  void construct(U* at, Args&&... args) {
    ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
  }
};

}  // namespace newsdedup
