// Remote wake: a fiber waiting on a worker thread does not stop the others,
// with the real clock and with the virtual one.
#include "scheduler.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace {

using aslrt::Clock;
using aslrt::Scheduler;

void runBothClocks(bool isVirtual) {
  Clock clock(isVirtual);
  Scheduler s(clock);
  std::string order;
  s.spawn([&] {
    s.runOnWorkerThread([] { std::this_thread::sleep_for(std::chrono::milliseconds(100)); });
    order += "W";
  });
  s.spawn([&] {
    order += "a";
    s.sleepUntil(clock.nowMicros() + 1000);
    order += "b";
  });
  s.run();
  EXPECT_EQ(order, "abW");
  EXPECT_EQ(s.liveFibers(), 0u);
}

TEST(SchedulerRemote, RealClock) { runBothClocks(false); }
TEST(SchedulerRemote, VirtualClock) { runBothClocks(true); }

TEST(SchedulerRemote, ManyWorkersAtOnce) {
  Clock clock(false);
  Scheduler s(clock);
  int done = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 8; ++i)
    s.spawn([&] {
      s.runOnWorkerThread([] { std::this_thread::sleep_for(std::chrono::milliseconds(200)); });
      ++done;
    });
  s.run();
  EXPECT_EQ(done, 8);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));  // not 8 x 200 ms
}

}  // namespace
