// The fiber stack pool: finished fibers' stacks are reused, and the pool
// keeps no more than its capacity once a burst is over.
#include "stack_pool.h"

#include <gtest/gtest.h>

#include <vector>

#include "scheduler.h"

namespace {

using aslrt::StackPool;

TEST(StackPool, ReusesAGivenStack) {
  StackPool pool(64 * 1024, 4);
  void* a = pool.take();
  pool.give(a);
  EXPECT_EQ(pool.pooled(), 1u);
  EXPECT_EQ(pool.take(), a);
  EXPECT_EQ(pool.allocations(), 1u);
  pool.give(a);
}

TEST(StackPool, KeepsAtMostItsCapacity) {
  StackPool pool(64 * 1024, 3);
  std::vector<void*> taken;
  for (int i = 0; i < 10; ++i) taken.push_back(pool.take());
  EXPECT_EQ(pool.allocations(), 10u);
  for (void* s : taken) pool.give(s);  // seven are held until releaseExcess()
  EXPECT_EQ(pool.pooled(), 3u);
  EXPECT_EQ(pool.held(), 7u);
  void* again = pool.take();  // a held stack is reused before a new one is mapped
  EXPECT_EQ(pool.held(), 6u);
  EXPECT_EQ(pool.allocations(), 10u);
  pool.give(again);
  pool.releaseExcess();  // adjacent ones in one munmap
  EXPECT_EQ(pool.held(), 0u);
  for (int i = 0; i < 3; ++i) taken[i] = pool.take();
  EXPECT_EQ(pool.allocations(), 10u);  // the three came from the pool
  EXPECT_EQ(pool.pooled(), 0u);
  for (int i = 0; i < 3; ++i) pool.give(taken[i]);
}

// Held stacks go back in batches of four times the capacity.
TEST(StackPool, ReleasesHeldStacksInBatches) {
  StackPool pool(64 * 1024, 2);
  std::vector<void*> taken;
  for (int i = 0; i < 12; ++i) taken.push_back(pool.take());
  for (int i = 0; i < 9; ++i) pool.give(taken[i]);  // 2 pooled, 7 held
  EXPECT_EQ(pool.held(), 7u);
  pool.give(taken[9]);  // the eighth held stack releases the batch
  EXPECT_EQ(pool.held(), 0u);
  pool.give(taken[10]);
  pool.give(taken[11]);
  EXPECT_EQ(pool.held(), 2u);
}

// Fibers run one after another share one stack instead of allocating each.
TEST(StackPool, SchedulerReusesStacksOfFinishedFibers) {
  aslrt::Clock clock(true);
  aslrt::Scheduler s(clock);
  StackPool& pool = StackPool::forThisThread();
  int ran = 0;
  s.spawn([&] {
    for (int i = 0; i < 100; ++i) {
      aslrt::FiberRecord* parent = s.current();
      s.spawn([&] {
        ++ran;
        s.wake(parent);
      });
      s.park();
    }
  });
  size_t before = pool.allocations();
  s.run();
  EXPECT_EQ(ran, 100);
  EXPECT_LE(pool.allocations() - before, 2u);
}

// A burst of more waiting fibers than the pool holds: afterwards the pool
// keeps its capacity and frees the rest.
TEST(StackPool, SchedulerBurstReturnsMemoryBeyondCapacity) {
  aslrt::Clock clock(true);
  aslrt::Scheduler s(clock);
  StackPool& pool = StackPool::forThisThread();
  size_t n = pool.capacity() + 50;
  size_t woke = 0;
  for (size_t i = 0; i < n; ++i)
    s.spawn([&] {
      if (s.sleepUntil(clock.nowMicros() + 1000000)) ++woke;
    });
  s.run();
  EXPECT_EQ(woke, n);
  EXPECT_EQ(pool.pooled(), pool.capacity());
  EXPECT_EQ(pool.held(), 0u);  // the run's end gave the burst's extra stacks back
}

}  // namespace
