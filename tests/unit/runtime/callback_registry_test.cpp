// Task tokens and the callback protocol: the registry's answers (AWS's error
// names), activity hand-out, and the scheduler's parkFor/notify on both clocks.
#include "callback_registry.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "scheduler.h"

namespace {

using aslrt::CallbackRegistry;
using aslrt::Clock;
using aslrt::Json;
using aslrt::Scheduler;

Json send(const std::string& action, const std::string& token, Json extra = Json::object()) {
  extra["action"] = action;
  extra["taskToken"] = token;
  return CallbackRegistry::instance().handle(extra);
}

TEST(TaskToken, UnguessableAndWellFormed) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string t = aslrt::newTaskToken();
    EXPECT_EQ(t.size(), 64u);  // 256 bits
    EXPECT_TRUE(aslrt::isWellFormedTaskToken(t));
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_FALSE(aslrt::isWellFormedTaskToken("abc"));
  EXPECT_FALSE(aslrt::isWellFormedTaskToken(std::string(64, 'Z')));
}

TEST(CallbackRegistry, RepliesReachTheInboxAndWakeTheFiber) {
  Clock clock(true);
  Scheduler s(clock);
  auto& reg = CallbackRegistry::instance();
  std::string token = aslrt::newTaskToken();
  uint64_t key = s.newWaitKey();
  reg.openCallback(token, &s, key, &s);
  aslrt::TaskInbox seen;
  s.spawn([&] {
    int64_t far = clock.nowMicros() + 3600LL * 1000000;
    for (;;) {
      aslrt::TaskInbox in = reg.take(token);
      seen.heartbeats += in.heartbeats;
      if (in.replied) {
        seen.replied = true;
        seen.output = in.output;
        break;
      }
      s.parkFor(key, &far);
    }
    reg.close(token);
  });
  std::thread other([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(send("SendTaskHeartbeat", token)["ok"], true);
    EXPECT_EQ(send("SendTaskSuccess", token, {{"output", "{\"x\":1}"}})["ok"], true);
  });
  auto start = std::chrono::steady_clock::now();
  s.run();
  other.join();
  EXPECT_TRUE(seen.replied);
  EXPECT_EQ(seen.output, Json({{"x", 1}}));
  // The hour-long deadline never fired: the reply woke the fiber.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // The task is over: AWS answers TaskTimedOut for it from now on.
  EXPECT_EQ(send("SendTaskSuccess", token, {{"output", "1"}})["error"], "TaskTimedOut");
  EXPECT_EQ(send("SendTaskHeartbeat", token)["error"], "TaskTimedOut");
}

TEST(CallbackRegistry, ApiErrors) {
  auto& reg = CallbackRegistry::instance();
  EXPECT_EQ(send("SendTaskSuccess", "not-a-token", {{"output", "1"}})["error"], "InvalidToken");
  EXPECT_EQ(send("SendTaskSuccess", aslrt::newTaskToken(), {{"output", "1"}})["error"], "TaskDoesNotExist");
  Clock clock(true);
  Scheduler s(clock);
  std::string token = aslrt::newTaskToken();
  reg.openCallback(token, &s, s.newWaitKey(), &s);
  EXPECT_EQ(send("SendTaskSuccess", token, {{"output", "{oops"}})["error"], "InvalidOutput");
  EXPECT_EQ(send("SendTaskSuccess", token)["error"], "ValidationException");
  EXPECT_EQ(send("SendTaskFailure", token, {{"error", std::string(300, 'e')}})["error"], "ValidationException");
  EXPECT_EQ(reg.handle({{"action", "Nope"}})["error"], "UnknownOperationException");
  EXPECT_EQ(send("SendTaskFailure", token, {{"error", "E"}, {"cause", "C"}})["ok"], true);
  // A second reply before the fiber took the first: the task is already over.
  EXPECT_EQ(send("SendTaskSuccess", token, {{"output", "1"}})["error"], "TaskTimedOut");
  aslrt::TaskInbox in = reg.take(token);
  EXPECT_TRUE(in.replied);
  EXPECT_FALSE(in.succeeded);
  EXPECT_EQ(in.failure.error, "E");
  EXPECT_EQ(in.failure.cause, "C");
  reg.closeOwner(&s);
  EXPECT_EQ(send("SendTaskHeartbeat", token)["error"], "TaskTimedOut");
}

TEST(CallbackRegistry, ActivitiesAreHandedOutOldestFirst) {
  auto& reg = CallbackRegistry::instance();
  Clock clock(true);
  Scheduler s(clock);
  const std::string arn = "arn:aws:states:us-east-1:123456789012:activity:unit";
  Json poll = {{"action", "GetActivityTask"}, {"activityArn", arn}, {"workerName", "w"}, {"waitSeconds", 0}};
  EXPECT_EQ(reg.handle(poll)["error"], "ActivityDoesNotExist");
  reg.declareActivity(arn);
  Json none = reg.handle(poll);
  EXPECT_EQ(none["ok"], true);
  EXPECT_TRUE(none["taskToken"].is_null());
  std::string first = aslrt::newTaskToken(), second = aslrt::newTaskToken();
  reg.openActivity(first, &s, s.newWaitKey(), &s, arn, "{\"n\":1}");
  reg.openActivity(second, &s, s.newWaitKey(), &s, arn, "{\"n\":2}");
  // Not handed out yet: a worker cannot answer it.
  EXPECT_EQ(send("SendTaskSuccess", second, {{"output", "1"}})["error"], "TaskDoesNotExist");
  Json got = reg.handle(poll);
  EXPECT_EQ(got["taskToken"], first);
  EXPECT_EQ(got["input"], "{\"n\":1}");
  EXPECT_EQ(reg.take(first).worker, "w");
  // A poll that is waiting gets the next task as soon as it is scheduled.
  reg.close(second);
  std::string third = aslrt::newTaskToken();
  std::thread later([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    reg.openActivity(third, &s, s.newWaitKey(), &s, arn, "3");
  });
  poll["waitSeconds"] = 10;
  EXPECT_EQ(reg.handle(poll)["taskToken"], third);
  later.join();
  reg.closeOwner(&s);
}

// parkFor's deadline on the virtual clock: while a fiber waits for another
// process, virtual time runs at real speed, so the deadline fires after the
// real time has passed (not at once), and the timestamps agree.
TEST(SchedulerParkFor, DeadlineOnTheVirtualClockRunsAtRealSpeed) {
  Clock clock(true, 1000000);
  Scheduler s(clock);
  bool notified = true;
  s.spawn([&] {
    int64_t deadline = clock.nowMicros() + 100000;  // 100 ms
    notified = s.parkFor(s.newWaitKey(), &deadline);
  });
  auto start = std::chrono::steady_clock::now();
  s.run();
  EXPECT_FALSE(notified);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(90));
  EXPECT_GE(clock.nowMicros(), 1100000);
}

// Without a waiter a virtual clock still jumps: a Wait of an hour is instant.
TEST(SchedulerParkFor, OtherTimersStillJumpWhenNobodyWaitsForAProcess) {
  Clock clock(true, 0);
  Scheduler s(clock);
  s.spawn([&] { s.sleepUntil(3600LL * 1000000); });
  auto start = std::chrono::steady_clock::now();
  s.run();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
  EXPECT_EQ(clock.nowMicros(), 3600LL * 1000000);
}

TEST(SchedulerParkFor, StaleNotifyIsDropped) {
  Clock clock(false);
  Scheduler s(clock);
  uint64_t key = s.newWaitKey();
  bool notified = true;
  s.spawn([&] {
    s.notify(key);  // nobody is parked under it: dropped while this fiber sleeps
    s.sleepUntil(clock.nowMicros() + 5000);
    int64_t deadline = clock.nowMicros() + 20000;
    notified = s.parkFor(key, &deadline);
  });
  s.run();
  EXPECT_FALSE(notified);
}

}  // namespace
