// Retry timing on the virtual clock, through the ops generated code calls
// (aslrt_enter_state, aslrt_on_error): IntervalSeconds, BackoffRate,
// MaxDelaySeconds, JitterStrategy FULL with a seed, MaxAttempts 0, attempt
// counters per retrier that restart when the state is entered again, and a
// cancelled back-off that ends early and is never retried.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "execution.h"

namespace aslrt {
namespace {

constexpr int64_t kStart = 1'700'000'000'000'000;
constexpr int64_t kSecond = 1'000'000;

RetrierInfo retrier(std::vector<std::string> errors, double interval, int64_t maxAttempts, double backoff) {
  RetrierInfo r;
  r.errors = std::move(errors);
  r.interval = interval;
  r.maxAttempts = maxAttempts;
  r.backoff = backoff;
  return r;
}

// One machine: state 0 "Flaky" (a Task with `retriers`), state 1 "Other".
struct Harness {
  explicit Harness(std::vector<RetrierInfo> retriers, uint64_t seed = 1) {
    StateInfo flaky{"Flaky", "Task", std::move(retriers), {}};
    StateInfo other{"Other", "Pass", {}, {}};
    program.machines.push_back(MachineInfo{"main", 1, {flaky, other}, nullptr});
    options.startMicros = kStart;
    options.virtualClock = true;
    options.seed = seed;
    options.seeded = true;
  }

  // Runs `body` on a fiber with a frame for the machine.
  void run(const std::function<void(aslrt_frame&)>& body, CancelScope* scope = nullptr) {
    Execution exec(program, sched, options, Json::object());
    aslrt_frame f;
    f.exec = &exec;
    f.machine = &program.machines[0];
    sched.spawn([&] { body(f); }, scope);
    sched.run();
  }

  // Fails state 0 with `error` until the answer is not a retry; returns the
  // delays slept before each retry, in seconds.
  std::vector<double> delaysUntilGivenUp(aslrt_frame& f, const std::string& error, int32_t* last = nullptr) {
    std::vector<double> delays;
    for (;;) {
      f.failure = {error, std::nullopt};
      int64_t before = clock.nowMicros();
      int32_t answer = aslrt_on_error(&f, 0);
      if (answer != ASLRT_RETRY) {
        if (last) *last = answer;
        EXPECT_EQ(clock.nowMicros(), before);  // giving up does not wait
        return delays;
      }
      delays.push_back(static_cast<double>(clock.nowMicros() - before) / kSecond);
    }
  }

  Program program;
  RunOptions options;
  Clock clock{true, kStart};
  Scheduler sched{clock};
};

TEST(RetryTiming, IntervalTimesBackoffPerAttempt) {
  Harness h({retrier({"States.ALL"}, 2, 4, 3)});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    int32_t last = 0;
    EXPECT_EQ(h.delaysUntilGivenUp(f, "Boom", &last), (std::vector<double>{2, 6, 18, 54}));
    EXPECT_EQ(last, ASLRT_PROPAGATE);
    EXPECT_EQ(f.retryCount, 4);
  });
  EXPECT_EQ(h.clock.nowMicros(), kStart + 80 * kSecond);
}

TEST(RetryTiming, DefaultsAreOneSecondThreeAttemptsDoubling) {
  RetrierInfo defaults;  // only ErrorEquals given: the other fields keep ASL's defaults
  defaults.errors = {"States.ALL"};
  Harness h({defaults});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    EXPECT_EQ(h.delaysUntilGivenUp(f, "Boom"), (std::vector<double>{1, 2, 4}));
  });
}

TEST(RetryTiming, MaxDelaySecondsCapsTheBackoff) {
  RetrierInfo r = retrier({"States.ALL"}, 1, 6, 4);
  r.maxDelay = 10;
  Harness h({r});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    EXPECT_EQ(h.delaysUntilGivenUp(f, "Boom"), (std::vector<double>{1, 4, 10, 10, 10, 10}));
  });
}

TEST(RetryTiming, MaxAttemptsZeroNeverRetries) {
  Harness h({retrier({"Boom"}, 5, 0, 2), retrier({"States.ALL"}, 1, 1, 2)});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    // The first matching retrier decides, even with no attempts left: the
    // States.ALL one after it is not consulted.
    EXPECT_TRUE(h.delaysUntilGivenUp(f, "Boom").empty());
  });
  EXPECT_EQ(h.clock.nowMicros(), kStart);
}

std::vector<double> jitteredDelays(uint64_t seed) {
  RetrierInfo r = retrier({"States.ALL"}, 4, 5, 2);
  r.fullJitter = true;
  Harness h({r}, seed);
  std::vector<double> delays;
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    delays = h.delaysUntilGivenUp(f, "Boom");
  });
  return delays;
}

TEST(RetryTiming, FullJitterIsSeededAndBounded) {
  std::vector<double> a = jitteredDelays(42), b = jitteredDelays(42), c = jitteredDelays(43);
  ASSERT_EQ(a.size(), 5u);
  EXPECT_EQ(a, b);  // the same seed gives the same waits
  EXPECT_NE(a, c);
  double nominal = 4;
  for (double d : a) {
    EXPECT_GE(d, 0);
    EXPECT_LE(d, nominal);  // FULL jitter: uniform in [0, the un-jittered delay]
    nominal *= 2;
  }
}

TEST(RetryTiming, EachRetrierCountsItsOwnAttempts) {
  Harness h({retrier({"A"}, 1, 2, 2), retrier({"B"}, 10, 2, 3)});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    std::vector<double> delays;
    for (const char* error : {"A", "B", "A", "B"}) {
      f.failure = {error, std::nullopt};
      int64_t before = h.clock.nowMicros();
      ASSERT_EQ(aslrt_on_error(&f, 0), ASLRT_RETRY);
      delays.push_back(static_cast<double>(h.clock.nowMicros() - before) / kSecond);
    }
    EXPECT_EQ(delays, (std::vector<double>{1, 10, 2, 30}));
    EXPECT_EQ(f.retryCount, 4);
  });
}

TEST(RetryTiming, CountersRestartWhenTheStateIsEnteredAgain) {
  Harness h({retrier({"States.ALL"}, 1, 2, 2)});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    EXPECT_EQ(h.delaysUntilGivenUp(f, "Boom"), (std::vector<double>{1, 2}));
    aslrt_enter_state(&f, 1);  // a transition elsewhere ...
    aslrt_enter_state(&f, 0);  // ... and back: a fresh set of attempts
    EXPECT_EQ(f.retryCount, 0);
    EXPECT_EQ(h.delaysUntilGivenUp(f, "Boom"), (std::vector<double>{1, 2}));
  });
}

TEST(RetryTiming, StatesRuntimeIsNeverRetried) {
  Harness h({retrier({"States.ALL", "States.Runtime"}, 1, 3, 2)});
  h.run([&](aslrt_frame& f) {
    aslrt_enter_state(&f, 0);
    EXPECT_TRUE(h.delaysUntilGivenUp(f, "States.Runtime").empty());
  });
}

TEST(RetryTiming, CancelledBackoffEndsEarlyAndIsNotRetried) {
  Harness h({retrier({"States.ALL"}, 100, 3, 2)});
  CancelScope scope;
  int32_t answer = 0;
  h.sched.spawn([&] {
    h.sched.sleepUntil(kStart + 5 * kSecond);
    h.sched.cancel(scope);
  });
  h.run(
      [&](aslrt_frame& f) {
        aslrt_enter_state(&f, 0);
        f.failure = {"Boom", std::nullopt};
        answer = aslrt_on_error(&f, 0);
      },
      &scope);
  EXPECT_EQ(answer, ASLRT_PROPAGATE);
  EXPECT_EQ(h.clock.nowMicros(), kStart + 5 * kSecond);  // the 100 s timer never fired
}

}  // namespace
}  // namespace aslrt
