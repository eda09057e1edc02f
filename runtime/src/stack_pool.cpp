#include "stack_pool.h"

#include <sys/mman.h>

#include <new>

namespace aslrt {

// 1 MiB of address space per fiber (scheduler.cpp); only touched pages cost
// memory. 256 pooled stacks cover a Parallel of 64 branches with a nested
// Parallel each, at a few touched pages per stack.
constexpr size_t kStackBytes = 1024 * 1024;
constexpr size_t kPoolCapacity = 256;

StackPool::~StackPool() {
  for (void* s : free_) munmap(s, stackBytes_);
}

// Straight from mmap, not malloc: a malloc'd stack has its chunk header at
// the bottom, which costs a resident page per fiber that the stack itself
// never touches (4 KiB of each waiting fiber's ~8 KiB). Adjacent anonymous
// mappings merge, so 100,000 stacks do not approach vm.max_map_count -- which
// is also why there is no guard page per stack (it would split them). Deep
// recursion is bounded where it can happen: JSONata evaluation is held to half
// a stack (jsonata_template.cpp).
void* StackPool::take() {
  if (!free_.empty()) {
    void* s = free_.back();
    free_.pop_back();
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
  munmap(stack, stackBytes_);
}

StackPool& StackPool::forThisThread() {
  thread_local StackPool pool(kStackBytes, kPoolCapacity);
  return pool;
}

}  // namespace aslrt
