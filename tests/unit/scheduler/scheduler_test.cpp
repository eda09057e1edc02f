// The fiber scheduler on the virtual clock: timers fire in deadline order
// without sleeping, parked fibers resume when woken, daemons do not keep a
// run alive, and stop() ends a run at once.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "clock.h"
#include "scheduler.h"

namespace aslrt {
namespace {

constexpr int64_t kStart = 1'700'000'000'000'000;  // an arbitrary instant, in microseconds
constexpr int64_t kSecond = 1'000'000;

TEST(VirtualClock, JumpsInsteadOfSleeping) {
  Clock clock(true, kStart);
  auto before = std::chrono::steady_clock::now();
  clock.waitUntil(kStart + 3600 * kSecond);
  EXPECT_EQ(clock.nowMicros(), kStart + 3600 * kSecond);
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(1));
  clock.waitUntil(kStart);  // time never goes back
  EXPECT_EQ(clock.nowMicros(), kStart + 3600 * kSecond);
}

// A fiber that never waits gives way at its preemption points: a ready
// sibling runs (and here ends the loop), and so does a due timer on a real
// clock (the machine's time-out watchdog).
TEST(Scheduler, PreemptionPointLetsReadySiblingsRun) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  bool stop = false;
  long spins = 0;
  sched.spawn([&] {
    while (!stop) {
      ++spins;
      sched.preemptionPoint();
    }
  });
  sched.spawn([&] { stop = true; });
  sched.run();
  EXPECT_TRUE(stop);
  EXPECT_GT(spins, 0);
}

TEST(Scheduler, PreemptionPointLetsDueTimersRun) {
  Clock clock(false, -1);
  Scheduler sched(clock);
  CancelScope scope;
  bool timedOut = false;
  sched.spawnDaemon([&] {
    if (!sched.sleepUntil(clock.nowMicros() + 20'000)) return;
    timedOut = true;
    sched.cancel(scope);
  });
  sched.spawn([&] {
    while (!sched.cancelRequested()) sched.preemptionPoint();
  }, &scope);
  sched.run();
  EXPECT_TRUE(timedOut);
}

TEST(Scheduler, TimersFireInDeadlineOrder) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  std::vector<int> order;
  for (int seconds : {30, 10, 20}) {
    sched.spawn([&, seconds] {
      sched.sleepUntil(kStart + seconds * kSecond);
      order.push_back(seconds);
      EXPECT_EQ(clock.nowMicros(), kStart + seconds * kSecond);
    });
  }
  sched.run();
  EXPECT_EQ(order, (std::vector<int>{10, 20, 30}));
  EXPECT_EQ(sched.liveFibers(), 0u);
}

TEST(Scheduler, ManyConcurrentWaitsTakeOneTimerStep) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  int done = 0;
  for (int i = 0; i < 10000; ++i)
    sched.spawn([&] {
      sched.sleepUntil(kStart + kSecond);
      ++done;
    });
  sched.run();
  EXPECT_EQ(done, 10000);
  EXPECT_EQ(clock.nowMicros(), kStart + kSecond);  // all waited together, not one after another
}

TEST(Scheduler, ParkedFiberResumesWhenWoken) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  FiberRecord* waiter = nullptr;
  bool resumed = false;
  sched.spawn([&] {
    waiter = sched.current();
    sched.park();
    resumed = true;
  });
  sched.spawn([&] {
    EXPECT_FALSE(resumed);
    sched.wake(waiter);
  });
  sched.run();
  EXPECT_TRUE(resumed);
}

TEST(Scheduler, DaemonDoesNotKeepTheRunAlive) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  bool watchdogFired = false;
  sched.spawnDaemon([&] {
    // The run ends its sleep early (false) instead of abandoning the daemon.
    if (sched.sleepUntil(kStart + 100 * kSecond)) watchdogFired = true;
  });
  sched.spawn([&] { sched.sleepUntil(kStart + kSecond); });
  sched.run();
  EXPECT_FALSE(watchdogFired);
  EXPECT_EQ(clock.nowMicros(), kStart + kSecond);
}

TEST(Scheduler, StopCancelsWorkInFlight) {
  Clock clock(true, kStart);
  Scheduler sched(clock);
  bool longWaitFinished = false;
  sched.spawn([&] {
    sched.sleepUntil(kStart + 3600 * kSecond);
    longWaitFinished = true;
  });
  sched.spawnDaemon([&] {
    sched.sleepUntil(kStart + 5 * kSecond);
    sched.stop();
  });
  sched.run();
  EXPECT_FALSE(longWaitFinished);
  EXPECT_EQ(clock.nowMicros(), kStart + 5 * kSecond);
}

}  // namespace
}  // namespace aslrt
