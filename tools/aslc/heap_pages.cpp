#include "heap_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace aslc::tool {

void backHeapWithHugePages() {
  constexpr size_t kHeapStep = size_t{64} << 20;
  constexpr size_t kLargestHeapBlock = size_t{32} << 20;  // glibc's ceiling for M_MMAP_THRESHOLD
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  // Large blocks (lld's slabs, LLVM's buffers) from the heap too, and the
  // heap grown and kept in big steps, so the advice below covers them.
  mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  mallopt(M_TOP_PAD, kHeapStep);
  mallopt(M_TRIM_THRESHOLD, 2 * kHeapStep);
  mallopt(M_ARENA_MAX, 1);  // lld's and LLVM's worker threads allocate there too
  auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  void* volatile block = malloc(kLargestHeapBlock / 2);  // volatile: the pair is not optimized away
  free(block);
  auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  uintptr_t start = (before + kHugePage - 1) & ~(kHugePage - 1);
  if (after > start) madvise(reinterpret_cast<void*>(start), after - start, MADV_HUGEPAGE);
}

}  // namespace aslc::tool
