// Cancellation on the virtual clock: a cancelled scope's timers never fire,
// nested scopes go with it, siblings do not, park hooks run once, daemons
// end their sleeps when the run ends, and post() interrupts a real-clock wait.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "clock.h"
#include "scheduler.h"

namespace aslrt {
namespace {

constexpr int64_t kStart = 1'700'000'000'000'000;
constexpr int64_t kSecond = 1'000'000;

TEST(Cancel, CancelledTimersNeverFire) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope scope;
  std::vector<bool> slept;
  std::vector<int64_t> wokeAt;
  for (int i = 0; i < 3; ++i)
    sched.spawn(
        [&] {
          slept.push_back(sched.sleepUntil(kStart + 100 * kSecond));
          wokeAt.push_back(clock.nowMicros());
          EXPECT_TRUE(sched.cancelRequested());
        },
        &scope);
  sched.spawn([&] {
    sched.sleepUntil(kStart + kSecond);
    sched.cancel(scope);
    EXPECT_FALSE(sched.cancelRequested());  // the canceller is not in the scope
  });
  sched.run();
  EXPECT_EQ(slept, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(wokeAt, (std::vector<int64_t>{kStart + kSecond, kStart + kSecond, kStart + kSecond}));
  EXPECT_EQ(clock.nowMicros(), kStart + kSecond);  // the 100 s timers were removed, not waited for
  EXPECT_EQ(sched.liveFibers(), 0u);
}

TEST(Cancel, NestedScopesGoWithTheirParentSiblingsStay) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope outer, sibling;
  CancelScope inner(&outer);
  bool innerSlept = true, siblingSlept = false;
  sched.spawn([&] { innerSlept = sched.sleepUntil(kStart + 50 * kSecond); }, &inner);
  sched.spawn([&] { siblingSlept = sched.sleepUntil(kStart + 10 * kSecond); }, &sibling);
  sched.spawn([&] {
    sched.sleepUntil(kStart + kSecond);
    sched.cancel(outer);
  });
  sched.run();
  EXPECT_FALSE(innerSlept);
  EXPECT_TRUE(siblingSlept);
  EXPECT_TRUE(inner.cancelled());
  EXPECT_FALSE(sibling.cancelled());
  EXPECT_EQ(clock.nowMicros(), kStart + 10 * kSecond);
}

TEST(Cancel, SpawnedFibersInheritTheirParentsScope) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope scope;
  bool childSlept = true;
  sched.spawn([&] { sched.spawn([&] { childSlept = sched.sleepUntil(kStart + 60 * kSecond); }); }, &scope);
  sched.spawn([&] {
    sched.sleepUntil(kStart + kSecond);
    sched.cancel(scope);
  });
  sched.run();
  EXPECT_FALSE(childSlept);
}

TEST(Cancel, AlreadyCancelledFiberDoesNotSleep) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope scope;
  bool slept = true;
  sched.spawn([&] {
    sched.cancel(scope);  // from outside the scope, before the other fiber runs
  });
  sched.spawn([&] { slept = sched.sleepUntil(kStart + 5 * kSecond); }, &scope);
  sched.run();
  EXPECT_FALSE(slept);
  EXPECT_EQ(clock.nowMicros(), kStart);
}

TEST(Cancel, ParkHookRunsOnceAndWakes) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope scope;
  int hookRuns = 0;
  FiberRecord* parked = nullptr;
  bool resumed = false;
  sched.spawn(
      [&] {
        parked = sched.current();
        sched.park([&] {
          ++hookRuns;
          sched.wake(parked);
        });
        resumed = true;
      },
      &scope);
  sched.spawn([&] {
    sched.sleepUntil(kStart + kSecond);
    sched.cancel(scope);
    sched.cancel(scope);  // a second cancel finds no hook left
  });
  sched.run();
  EXPECT_TRUE(resumed);
  EXPECT_EQ(hookRuns, 1);
}

TEST(Cancel, ParkHookNotRunWhenWokenNormally) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  CancelScope scope;
  int hookRuns = 0;
  FiberRecord* parked = nullptr;
  sched.spawn(
      [&] {
        parked = sched.current();
        sched.park([&] { ++hookRuns; });
      },
      &scope);
  sched.spawn([&] {
    sched.wake(parked);
    sched.sleepUntil(kStart + kSecond);
    sched.cancel(scope);
  });
  sched.run();
  EXPECT_EQ(hookRuns, 0);
}

TEST(Cancel, WorkerThreadHookEndsTheWork) {
  Clock clock(false);
  Scheduler sched(clock);
  CancelScope scope;
  std::atomic<bool> stop{false};
  auto started = std::chrono::steady_clock::now();
  sched.spawn(
      [&] {
        sched.runOnWorkerThread(
            [&] {
              while (!stop) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            },
            [&] { stop = true; });
        EXPECT_TRUE(sched.cancelRequested());
      },
      &scope);
  sched.spawn([&] {
    sched.sleepUntil(clock.nowMicros() + 20'000);
    sched.cancel(scope);
  });
  sched.run();
  EXPECT_TRUE(stop);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(Cancel, DaemonSleepsEndWhenTheRunEnds) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  bool daemonSlept = true, daemonDone = false;
  sched.spawnDaemon([&] {
    daemonSlept = sched.sleepUntil(kStart + 3600 * kSecond);
    daemonDone = true;
  });
  sched.spawn([&] { sched.sleepUntil(kStart + kSecond); });
  sched.run();
  EXPECT_TRUE(daemonDone);  // finished, not abandoned
  EXPECT_FALSE(daemonSlept);
  EXPECT_EQ(sched.liveFibers(), 0u);
  EXPECT_EQ(clock.nowMicros(), kStart + kSecond);
}

TEST(Cancel, PostInterruptsARealClockWait) {
  Clock clock(false);
  Scheduler sched(clock);
  CancelScope scope;
  bool slept = true;
  sched.spawn([&] { slept = sched.sleepUntil(clock.nowMicros() + 60 * kSecond); }, &scope);
  std::thread other([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    sched.post([&] { sched.cancel(scope); });
  });
  auto started = std::chrono::steady_clock::now();
  sched.run();
  other.join();
  EXPECT_FALSE(slept);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace aslrt
