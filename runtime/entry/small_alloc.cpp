// The allocator behind operator new/delete in compiled executables.
//
// Why: a workflow's data is nlohmann::json trees, an allocation per value,
// key and map node, and Map/Parallel fan-outs free them in bursts of
// thousands. glibc's malloc spent 30-40 % of map-10k's instructions in
// _int_free / malloc_consolidate. Small blocks (<= 512 bytes) here come from
// per-thread free lists, one per 16-byte size class, carved from 64 KiB
// slabs of one address range reserved at the first allocation; a block's
// class is found from its slab, so blocks carry no header. Larger blocks,
// and everything once the range is full (or could not be reserved), go to
// malloc. Memory of freed small blocks is reused, never returned to the OS.
//
// A class's first blocks come from a 1 KiB starter slab, 64 of which share
// the range's first 64 KiB: a short-lived process (one execution, often) uses
// a dozen classes a few blocks each, and gave each a page of its own to fault
// in (~10-20 us apiece on a VM); packed, four classes share a page.
//
// A block freed on another thread joins that thread's list. A thread that
// ends hands its lists to a shared pool the others draw from, so worker
// threads that come and go leak nothing.
#include "small_alloc.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace aslrt::small_alloc {
namespace {

constexpr size_t kRegionBytes = size_t(16) << 30;  // address space only: pages cost when touched
constexpr size_t kSlabBytes = size_t(64) << 10;
constexpr size_t kSlabs = kRegionBytes / kSlabBytes;
constexpr size_t kStarterBytes = size_t(1) << 10;        // holds two blocks of the largest class
constexpr size_t kStarters = kSlabBytes / kStarterBytes;  // in slab 0

struct FreeBlock {
  FreeBlock* next;
};

// The reserved range and which size class each slab serves (0: none yet);
// slab 0 is cut into starter slabs, each with a class of its own.
std::atomic<char*> regionBase{nullptr};
std::atomic<bool> regionUnavailable{false};
std::atomic<size_t> slabsUsed{1};
uint8_t slabClass[kSlabs];
std::atomic<size_t> startersUsed{0};
uint8_t starterClass[kStarters];

// Blocks left by threads that ended, a list per class; changed under the
// spin lock. The heads are atomic so a thread can see an empty list without
// taking the lock.
std::atomic_flag orphanLock = ATOMIC_FLAG_INIT;
std::atomic<FreeBlock*> orphans[kClasses + 1];

struct SpinLock {
  SpinLock() {
    while (orphanLock.test_and_set(std::memory_order_acquire)) {
    }
  }
  ~SpinLock() { orphanLock.clear(std::memory_order_release); }
};

bool reserveRegion() {
  if (regionBase.load(std::memory_order_acquire)) return true;
  if (regionUnavailable.load(std::memory_order_relaxed)) return false;
  void* p = mmap(nullptr, kRegionBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {  // e.g. strict overcommit: malloc serves everything
    regionUnavailable.store(true, std::memory_order_relaxed);
    return false;
  }
  char* expected = nullptr;
  if (!regionBase.compare_exchange_strong(expected, static_cast<char*>(p))) munmap(p, kRegionBytes);
  return true;
}

bool inRegion(const void* p) {
  const char* base = regionBase.load(std::memory_order_relaxed);
  return base && static_cast<const char*>(p) >= base && static_cast<const char*>(p) < base + kRegionBytes;
}

// Puts the list first..last in front of the pool's list of its class.
void giveOrphans(FreeBlock* first, FreeBlock* last, size_t cls) {
  SpinLock lock;
  last->next = orphans[cls].load(std::memory_order_relaxed);
  orphans[cls].store(first, std::memory_order_relaxed);
}

FreeBlock* takeOrphans(size_t cls) {
  if (!orphans[cls].load(std::memory_order_relaxed)) return nullptr;
  SpinLock lock;
  return orphans[cls].exchange(nullptr, std::memory_order_relaxed);
}

// Plain data, so reaching it costs no initialisation guard on the fast path.
struct ThreadCache {
  FreeBlock* free[kClasses + 1];
  char* bump[kClasses + 1];  // the unused rest of this class's current slab
  char* bumpEnd[kClasses + 1];
};
thread_local ThreadCache cache;
// Whether the thread will hand its lists on when it ends (armed: ThreadExit
// below was constructed), or is ending and has done so (gone).
enum class CacheState : uint8_t { Unarmed, Armed, Gone };
thread_local CacheState cacheState = CacheState::Unarmed;

// Hands the thread's lists to the pool when the thread ends. Constructed by
// useCache(), from the slow paths, before a thread's list first gets a block.
struct ThreadExit {
  bool armed = false;
  ~ThreadExit() {
    cacheState = CacheState::Gone;
    for (size_t cls = 1; cls <= kClasses; ++cls) {
      FreeBlock* first = cache.free[cls];
      if (!first) continue;
      FreeBlock* last = first;
      while (last->next) last = last->next;
      giveOrphans(first, last, cls);
      cache.free[cls] = nullptr;
    }
  }
};
thread_local ThreadExit threadExit;

// Whether this thread may use its lists (arming it on first use).
bool useCache() {
  if (cacheState == CacheState::Unarmed) {
    threadExit.armed = true;
    cacheState = CacheState::Armed;
  }
  return cacheState == CacheState::Armed;
}

// The thread's first slab for a class: a starter slab while any is left.
bool takeStarter(size_t cls) {
  if (startersUsed.load(std::memory_order_relaxed) >= kStarters) return false;
  size_t starter = startersUsed.fetch_add(1, std::memory_order_relaxed);
  if (starter >= kStarters) return false;
  starterClass[starter] = static_cast<uint8_t>(cls);
  cache.bump[cls] = regionBase.load(std::memory_order_relaxed) + starter * kStarterBytes;
  cache.bumpEnd[cls] = cache.bump[cls] + kStarterBytes;
  return true;
}

void* carve(size_t cls) {
  size_t bytes = cls * kGranule;
  if (!cache.bump[cls] || cache.bump[cls] + bytes > cache.bumpEnd[cls]) {
    if (!reserveRegion()) return nullptr;
    if (cache.bump[cls] || !takeStarter(cls)) {
      size_t slab = slabsUsed.fetch_add(1, std::memory_order_relaxed);
      if (slab >= kSlabs) return nullptr;
      slabClass[slab] = static_cast<uint8_t>(cls);
      cache.bump[cls] = regionBase.load(std::memory_order_relaxed) + slab * kSlabBytes;
      cache.bumpEnd[cls] = cache.bump[cls] + kSlabBytes;
    }
  }
  void* p = cache.bump[cls];
  cache.bump[cls] += bytes;
  return p;
}

size_t classOf(size_t bytes) { return bytes == 0 ? 1 : (bytes + kGranule - 1) / kGranule; }

// The free list was empty: the pool's blocks, else a new block from a slab,
// else malloc.
__attribute__((noinline)) void* allocateSlow(size_t bytes) {
  if (bytes <= kMaxSmall && useCache()) {
    size_t cls = classOf(bytes);
    if (FreeBlock* list = takeOrphans(cls)) {
      cache.free[cls] = list->next;
      return list;
    }
    if (void* p = carve(cls)) return p;
  }
  return std::malloc(bytes ? bytes : 1);
}

}  // namespace

void* allocate(size_t bytes) {
  if (bytes <= kMaxSmall) {
    size_t cls = classOf(bytes);
    if (FreeBlock* b = cache.free[cls]) {
      // The next allocation reads the new head's link: fetch its line now,
      // while this block is being filled, rather than wait on it then.
      __builtin_prefetch(b->next, 1);
      cache.free[cls] = b->next;
      return b;
    }
  }
  return allocateSlow(bytes);
}

namespace {
__attribute__((noinline)) void releaseSlow(FreeBlock* block, size_t cls) {
  if (!useCache()) return giveOrphans(block, block, cls);
  block->next = cache.free[cls];
  cache.free[cls] = block;
}
}  // namespace

namespace {
void releaseToClass(void* p, size_t cls) {
  auto* block = static_cast<FreeBlock*>(p);
  if (cacheState != CacheState::Armed) return releaseSlow(block, cls);
  block->next = cache.free[cls];
  cache.free[cls] = block;
}
}  // namespace

void release(void* p) {
  if (!inRegion(p)) return std::free(p);  // free(nullptr) is a no-op
  size_t offset = static_cast<size_t>(static_cast<char*>(p) - regionBase.load(std::memory_order_relaxed));
  releaseToClass(p, offset >= kSlabBytes ? slabClass[offset / kSlabBytes] : starterClass[offset / kStarterBytes]);
}

// The size new was asked for gives the class without reading the slab's
// (a table of 256 K entries, often a cache miss when trees are freed).
void release(void* p, size_t bytes) {
  if (bytes > kMaxSmall || !inRegion(p)) return release(p);
  releaseToClass(p, classOf(bytes));
}

bool owns(const void* p) { return inRegion(p); }

}  // namespace aslrt::small_alloc

// Replaces the global operator new/delete for the whole executable (the
// runtime, nlohmann, libstdc++ and linked native handlers alike). The array
// and nothrow forms call these; the aligned forms keep libstdc++'s.
void* operator new(std::size_t bytes) {
  void* p = aslrt::small_alloc::allocate(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}
void operator delete(void* p) noexcept { aslrt::small_alloc::release(p); }
void operator delete(void* p, std::size_t bytes) noexcept { aslrt::small_alloc::release(p, bytes); }
