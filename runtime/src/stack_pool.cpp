#include "stack_pool.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <new>

namespace aslrt {

// 1 MiB of address space per fiber (scheduler.cpp); only touched pages cost
// memory. 256 pooled stacks cover a Parallel of 64 branches with a nested
// Parallel each, at a few touched pages per stack.
constexpr size_t kStackBytes = 1024 * 1024;
constexpr size_t kPoolCapacity = 256;

StackPool::~StackPool() {
  if (!unmapOnDestroy_) return;
  unmapAll(free_);
  unmapAll(excess_);
}

// Stacks are usually adjacent (consecutive mmaps of one size land next to
// each other), so sorted runs go back in one munmap each: on a VM every
// munmap costs a TLB flush, and a burst of 1,000 fibers returned one by one
// took a sixth of wait-many's run.
void StackPool::unmapAll(std::vector<void*>& stacks) {
  std::sort(stacks.begin(), stacks.end());
  for (size_t i = 0; i < stacks.size();) {
    char* start = static_cast<char*>(stacks[i]);
    char* end = start + stackBytes_;
    for (++i; i < stacks.size() && stacks[i] == end; ++i) end += stackBytes_;
    munmap(start, end - start);
  }
  stacks.clear();
}

// Straight from mmap, not malloc: a malloc'd stack has its chunk header at
// the bottom, which costs a resident page per fiber that the stack itself
// never touches (4 KiB of each waiting fiber's ~8 KiB). Adjacent anonymous
// mappings merge, so 100,000 stacks do not approach vm.max_map_count -- which
// is also why there is no guard page per stack (it would split them). Deep
// recursion is bounded where it can happen: JSONata evaluation is held to half
// a stack (jsonata_template.cpp).
void* StackPool::take() {
  // Held stacks first: they would be unmapped anyway, and a burst that keeps
  // starting fibers as others end must not grow by the ones it holds.
  for (std::vector<void*>* from : {&excess_, &free_}) {
    if (from->empty()) continue;
    void* s = from->back();
    from->pop_back();
    return s;
  }
  void* s = mmap(nullptr, stackBytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (s == MAP_FAILED) throw std::bad_alloc();
  ++allocations_;
  return s;
}

void StackPool::give(void* stack) {
  if (free_.size() < capacity_) {
    free_.push_back(stack);
    return;
  }
  excess_.push_back(stack);  // within the reserved room: see holdLimit()
  if (excess_.size() >= holdLimit()) releaseExcess();
}

void StackPool::releaseExcess() { unmapAll(excess_); }

StackPool& StackPool::forThisThread() {
  // The main thread's pool dies only as the process exits, which unmaps
  // everything at once: unmapping its stacks first would be pure cost.
  thread_local StackPool pool(kStackBytes, kPoolCapacity, /*unmapOnDestroy=*/gettid() != getpid());
  return pool;
}

}  // namespace aslrt
