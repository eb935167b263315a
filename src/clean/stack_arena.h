// StackArena: a memory resource over a buffer inside the object, for the short-lived vectors
// that one call of a cleaning step builds and drops (per-paragraph classes, flags, keys).
//
// Declared as a local, it lives on the stack: allocating is a pointer bump and freeing costs
// nothing until the arena goes out of scope. A page with more paragraphs than fit in the buffer
// takes the rest from the heap (std::pmr::monotonic_buffer_resource's upstream), so no page is
// too large. Not thread-safe; give it to the std::pmr containers of one call only, and never
// let one of them outlive it.
#pragma once

#include <array>
#include <cstddef>
#include <memory_resource>

namespace newsdedup {

template <std::size_t Bytes>
class StackArena {
 public:
  StackArena() = default;
  StackArena(const StackArena&) = delete;
  StackArena& operator=(const StackArena&) = delete;

  std::pmr::memory_resource* resource() { return &resource_; }

 private:
  alignas(std::max_align_t) std::array<std::byte, Bytes> buffer_;  // left uninitialised: only allocated from
  std::pmr::monotonic_buffer_resource resource_{buffer_.data(), buffer_.size()};
};

}  // namespace newsdedup
