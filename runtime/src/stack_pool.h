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
  // Reserves room for every stack it may keep or hold, so give() never
  // allocates (a fiber's stack is handed back from a noexcept path).
  StackPool(size_t stackBytes, size_t capacity, bool unmapOnDestroy = true)
      : stackBytes_(stackBytes), capacity_(capacity), unmapOnDestroy_(unmapOnDestroy) {
    free_.reserve(capacity);
    excess_.reserve(holdLimit());
  }
  ~StackPool();
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;

  // The lowest address of a stack of stackBytes(); never null (throws
  // std::bad_alloc when memory runs out).
  void* take();
  void give(void* stack);  // kept for reuse; when the pool is full, held until releaseExcess()
  // Unmaps the stacks given back beyond capacity (the scheduler calls it
  // when a run ends, so a burst's memory goes back once the burst is over).
  void releaseExcess();

  size_t stackBytes() const { return stackBytes_; }
  size_t capacity() const { return capacity_; }
  size_t pooled() const { return free_.size(); }
  size_t held() const { return excess_.size(); }  // given back beyond capacity, not yet unmapped
  size_t allocations() const { return allocations_; }  // fresh stacks so far (not reuses)

  // The pool of the calling thread (a scheduler runs its fibers on one thread).
  static StackPool& forThisThread();

 private:
  void unmapAll(std::vector<void*>& stacks);
  // Held stacks go back in batches of this many, so a long burst (100,000
  // children ending while results pile up) does not hold them all to its end.
  size_t holdLimit() const { return 4 * capacity_; }

  size_t stackBytes_;
  size_t capacity_;
  std::vector<void*> free_;
  std::vector<void*> excess_;
  bool unmapOnDestroy_;  // false for the main thread's pool (see forThisThread)
  size_t allocations_ = 0;
};

}  // namespace aslrt
