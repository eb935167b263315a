// ObjectPool: objects handed back by the last filter of a oneTBB pipeline, for its first
// filter to take again, so that the buffers they hold are reused from round to round instead
// of allocated (and their pages faulted in) again.
//
// take() returns a pooled object, or a new, default-constructed one when none is free; the
// caller resets what it needs. A pipeline with N tokens never has more than N objects out, so
// the pool holds at most N. Thread-safe: take and give_back may be called from any thread.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace newsdedup {

template <typename T>
class ObjectPool {
 public:
  std::shared_ptr<T> take() {
    const std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_shared<T>();
    std::shared_ptr<T> object = std::move(free_.back());
    free_.pop_back();
    return object;
  }
  void give_back(std::shared_ptr<T> object) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(object));
  }

 private:
  std::mutex mutex_;
  std::vector<std::shared_ptr<T>> free_;
};

}  // namespace newsdedup
