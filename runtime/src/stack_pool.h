// Fiber stacks kept for reuse. Every Parallel branch and Map iteration runs
// on a fiber; allocating and freeing a 1 MiB stack for each one cost page
// faults and mmap/munmap calls that dominated fan-out workloads. Finished
// fibers give their stack back to a per-thread pool and the next fiber takes
// it. The pool holds at most `capacity` stacks, so the memory of a burst
// (100,000 waiting iterations) is returned once it is over.
#pragma once
#include <cstddef>
#include <vector>

namespace aslrt {

class StackPool {
 public:
  // Reserves room for `capacity` entries, so give() never allocates (a
  // fiber's stack is handed back from a noexcept path).
  StackPool(size_t stackBytes, size_t capacity) : stackBytes_(stackBytes), capacity_(capacity) {
    free_.reserve(capacity);
  }
  ~StackPool();
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;

  // The lowest address of a stack of stackBytes(); never null (throws
  // std::bad_alloc when memory runs out).
  void* take();
  void give(void* stack);  // kept for reuse, or freed when the pool is full

  size_t stackBytes() const { return stackBytes_; }
  size_t capacity() const { return capacity_; }
  size_t pooled() const { return free_.size(); }
  size_t allocations() const { return allocations_; }  // fresh stacks so far (not reuses)

  // The pool of the calling thread (a scheduler runs its fibers on one thread).
  static StackPool& forThisThread();

 private:
  size_t stackBytes_;
  size_t capacity_;
  std::vector<void*> free_;
  size_t allocations_ = 0;
};

}  // namespace aslrt
