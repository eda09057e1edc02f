// The executables' small-object allocator (runtime/entry/small_alloc.cpp).
// This test binary links it, so every allocation gtest and the runtime make
// here goes through it as well.
#include "small_alloc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "aslrt/json.h"

namespace aslrt::small_alloc {
namespace {

TEST(SmallAlloc, EverySizeIsAlignedUsableAndOwned) {
  std::vector<void*> blocks;
  for (size_t bytes = 0; bytes <= kMaxSmall + 64; ++bytes) {
    void* p = allocate(bytes);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u) << bytes;
    std::memset(p, 0xab, bytes);
    EXPECT_EQ(owns(p), bytes <= kMaxSmall) << bytes;  // larger ones are malloc's
    blocks.push_back(p);
  }
  std::set<void*> distinct(blocks.begin(), blocks.end());
  EXPECT_EQ(distinct.size(), blocks.size());
  for (void* p : blocks) release(p);
}

TEST(SmallAlloc, FreedBlocksAreReusedByTheirClass) {
  void* a = allocate(40);
  release(a);
  EXPECT_EQ(allocate(48), a);  // 40 and 48 bytes share the 48-byte class
  void* b = allocate(40);
  EXPECT_NE(b, a);
  release(a);
  release(b);
}

// Blocks of every class, from starter slabs (a class's first kilobyte, four
// classes to a page) and from whole slabs alike, go back to their own class.
TEST(SmallAlloc, EveryClassGetsItsOwnBlocksBack) {
  std::vector<std::vector<void*>> byClass(kClasses + 1);
  for (int round = 0; round < 40; ++round)  // past the starter slabs: 40 blocks of 512 bytes is 20 KiB
    for (size_t cls = 1; cls <= kClasses; ++cls) byClass[cls].push_back(allocate(cls * kGranule));
  // Nothing else may allocate from here on (it would take freed blocks).
  std::vector<void*> again(40);
  size_t foreign = 0;
  for (size_t cls = 1; cls <= kClasses; ++cls)
    for (void* p : byClass[cls]) release(p);
  for (auto& blocks : byClass) std::sort(blocks.begin(), blocks.end());
  for (size_t cls = 1; cls <= kClasses; ++cls) {
    for (void*& p : again) p = allocate(cls * kGranule);
    for (void* p : again) foreign += std::binary_search(byClass[cls].begin(), byClass[cls].end(), p) ? 0 : 1;
    for (void* p : again) release(p);
  }
  EXPECT_EQ(foreign, 0u) << "blocks handed to a class they were not freed from";
}

// Sized release (operator delete(p, n)) finds the class from the size: a
// block goes back to the class it came from, and malloc's blocks to free.
TEST(SmallAlloc, SizedReleaseReturnsBlocksToTheirClass) {
  for (size_t bytes : {size_t(0), size_t(1), size_t(16), size_t(17), size_t(200), kMaxSmall, kMaxSmall + 1,
                       size_t(100000)}) {
    void* p = allocate(bytes);
    release(p, bytes);
    void* q = allocate(bytes);
    if (bytes <= kMaxSmall) {
      EXPECT_EQ(q, p) << bytes;  // the class's list hands it back first
    }
    release(q, bytes);
  }
  release(nullptr, 0);
  release(nullptr, 4096);
}

TEST(SmallAlloc, ReleaseOfNullAndOfMallocBlocks) {
  release(nullptr);
  void* big = allocate(4096);
  EXPECT_FALSE(owns(big));
  release(big);
}

// Blocks allocated on one thread and freed on another, and threads that end
// with blocks in their lists: nothing is lost or handed out twice.
TEST(SmallAlloc, CrossThreadFreesAndEndingThreads) {
  constexpr int kBlocks = 20000;
  std::vector<void*> made(kBlocks);
  std::thread maker([&] {
    for (int i = 0; i < kBlocks; ++i) {
      made[i] = allocate(64);
      std::memset(made[i], i & 0xff, 64);
    }
  });
  maker.join();
  std::thread freer([&] {
    for (void* p : made) release(p);
  });
  freer.join();  // its list goes to the shared pool as it ends
  // This thread's own list may hold a few 64-byte blocks first; then the pool's.
  std::set<void*> again;
  std::set<void*> wanted(made.begin(), made.end());
  for (int i = 0; i < kBlocks + 1000 && !wanted.empty(); ++i) {
    void* p = allocate(64);
    EXPECT_TRUE(again.insert(p).second) << "handed out twice";
    wanted.erase(p);
  }
  EXPECT_TRUE(wanted.empty()) << wanted.size() << " freed blocks never came back";
  for (void* p : again) release(p);
}

TEST(SmallAlloc, ServesOperatorNewForJson) {
  Json doc = Json::parse(R"({"a": [1, 2, {"b": "a string longer than the short-string buffer"}]})");
  Json copy = doc;
  EXPECT_EQ(copy, doc);
  EXPECT_TRUE(owns(&doc["a"][2]));  // an array element lives in a vector block new allocated
}

}  // namespace
}  // namespace aslrt::small_alloc
