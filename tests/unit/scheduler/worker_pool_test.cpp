// The worker pool behind Scheduler::runOnWorkerThread: jobs never wait for
// each other (Parallel branches run their tasks at once), idle threads are
// reused and end after their idle time-out, and destruction finishes the
// queued jobs. Waits are bounded so a broken pool fails instead of hanging.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "clock.h"
#include "scheduler.h"
#include "worker_pool.h"

namespace aslrt {
namespace {

using namespace std::chrono_literals;

// Polls `done` for up to two seconds.
template <typename Pred>
bool eventually(Pred done) {
  for (int i = 0; i < 400; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return done();
}

// N jobs that each wait until all N have started: only possible when none
// waits for another to finish.
TEST(WorkerPool, JobsRunAtOnce) {
  constexpr int kJobs = 8;
  WorkerPool pool(1000ms);
  std::mutex m;
  std::condition_variable cv;
  int started = 0;
  std::atomic<int> metAll{0};
  for (int i = 0; i < kJobs; ++i)
    pool.submit([&] {
      std::unique_lock<std::mutex> lock(m);
      ++started;
      cv.notify_all();
      if (cv.wait_for(lock, 5s, [&] { return started == kJobs; })) ++metAll;
    });
  EXPECT_TRUE(eventually([&] { return metAll == kJobs; }));
  EXPECT_EQ(metAll.load(), kJobs);
}

TEST(WorkerPool, IdleThreadsAreReused) {
  WorkerPool pool(5000ms);
  std::atomic<int> ran{0};
  std::thread::id first, second;
  pool.submit([&] { first = std::this_thread::get_id(); ++ran; });
  ASSERT_TRUE(eventually([&] { return ran == 1 && pool.idle() == 1; }));
  pool.submit([&] { second = std::this_thread::get_id(); ++ran; });
  ASSERT_TRUE(eventually([&] { return ran == 2 && pool.idle() == 1; }));
  EXPECT_EQ(first, second);
  EXPECT_EQ(pool.threads(), 1u);
}

TEST(WorkerPool, IdleThreadsEnd) {
  WorkerPool pool(20ms);
  std::atomic<int> ran{0};
  for (int i = 0; i < 3; ++i) pool.submit([&] { ++ran; });
  EXPECT_TRUE(eventually([&] { return ran == 3 && pool.threads() == 0; }));
  pool.submit([&] { ++ran; });  // a new thread after the old ones ended (and were joined)
  EXPECT_TRUE(eventually([&] { return ran == 4; }));
}

TEST(WorkerPool, DestructionFinishesQueuedJobs) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(1000ms);
    for (int i = 0; i < 5; ++i)
      pool.submit([&] {
        std::this_thread::sleep_for(10ms);
        ++ran;
      });
  }
  EXPECT_EQ(ran.load(), 5);
}

// Through the scheduler: two fibers' worker jobs overlap (each waits for the
// other), and a later call reuses a pooled thread instead of a new one.
TEST(WorkerPool, SchedulerJobsOverlap) {
  Clock clock(false);
  Scheduler sched(clock);
  std::mutex m;
  std::condition_variable cv;
  int started = 0;
  int met = 0;
  for (int i = 0; i < 2; ++i)
    sched.spawn([&] {
      sched.runOnWorkerThread([&] {
        std::unique_lock<std::mutex> lock(m);
        ++started;
        cv.notify_all();
        if (cv.wait_for(lock, 5s, [&] { return started == 2; })) ++met;
      });
    });
  sched.run();
  EXPECT_EQ(met, 2);
  size_t before = WorkerPool::shared().threads();
  ASSERT_TRUE(eventually([&] { return WorkerPool::shared().idle() == before; }));
  sched.spawn([&] { sched.runOnWorkerThread([] {}); });
  sched.run();
  EXPECT_EQ(WorkerPool::shared().threads(), before);
}

}  // namespace
}  // namespace aslrt
