// The runtime's side of promoted loops (runtime/src/ops_loop.cpp), called the
// way a loop's native copy calls them: what admits a loop (no history, no
// event quota, an object with room under the payload quota), which members
// load as integers, how a changed integer is written back, and what a tick
// counts.
#include <gtest/gtest.h>

#include <climits>
#include <functional>

#include "aslrt/payload_size.h"
#include "execution.h"

namespace aslrt {
namespace {

struct Harness {
  Harness() {
    program.machines.push_back(MachineInfo{"main", 1, {StateInfo{"Count", "Pass", {}, {}}}, nullptr});
    program.constants = {Json("i"), Json("limit"), Json("absent")};
    options.virtualClock = true;
  }

  // Runs `body` on a fiber with a frame whose input (a state's exit left it there) is `input`.
  void run(const Json& input, const std::function<void(aslrt_frame&, Execution&)>& body) {
    Execution exec(program, sched, options, Json::object());
    aslrt_frame f;
    f.exec = &exec;
    f.machine = &program.machines[0];
    f.input = input;
    f.handoffSize = SizeBound::exactly(measure(input));
    sched.spawn([&] { body(f, exec); });
    sched.run();
  }

  Program program;
  RunOptions options;
  Clock clock{true, 0};
  Scheduler sched{clock};
};

constexpr uint32_t kI = 0, kLimit = 1, kAbsent = 2;  // the constants above

TEST(LoopOps, AdmitsAnObjectWithRoomAndBoundsWhatTheLoopCanGrowTo) {
  Harness h;
  h.run(Json{{"i", 1}, {"limit", 10}}, [](aslrt_frame& f, Execution&) {
    uint64_t before = f.handoffSize.bytes;
    EXPECT_EQ(aslrt_loop_enter(&f, 2), 1);
    EXPECT_EQ(f.handoffSize.bytes, before + 40);  // two integers of up to 20 characters
    EXPECT_FALSE(f.handoffSize.exact);
  });
  h.run(Json::array({1, 2}), [](aslrt_frame& f, Execution&) { EXPECT_EQ(aslrt_loop_enter(&f, 0), 0); });
}

TEST(LoopOps, RefusesWhereEachStateMustRunItself) {
  Harness h;
  h.options.historyPath = "/dev/null";  // history: each state writes its events
  h.run(Json{{"i", 1}}, [](aslrt_frame& f, Execution&) { EXPECT_EQ(aslrt_loop_enter(&f, 1), 0); });
  h.options.historyPath.clear();
  h.run(Json{{"i", 1}}, [](aslrt_frame& f, Execution& exec) {
    exec.maxEvents = 25000;  // an event quota: each state counts against it
    EXPECT_EQ(aslrt_loop_enter(&f, 1), 0);
  });
  // An object so close to the payload quota that a growing integer could cross it.
  // {"i":9,"pad":"..."} is 16 bytes besides the pad: 10 bytes under the quota, 9 of room to grow.
  std::string pad(kMaxPayloadBytes - 16 - 10, 'x');
  h.run(Json{{"i", 9}, {"pad", pad}}, [](aslrt_frame& f, Execution&) {
    ASSERT_EQ(f.handoffSize.bytes, kMaxPayloadBytes - 10);
    EXPECT_EQ(aslrt_loop_enter(&f, 1), 0);
  });
  std::string roomy(kMaxPayloadBytes - 16 - 20, 'x');  // exactly room for one 20-digit integer
  h.run(Json{{"i", 9}, {"pad", roomy}}, [](aslrt_frame& f, Execution&) { EXPECT_EQ(aslrt_loop_enter(&f, 1), 1); });
}

TEST(LoopOps, LoadsOnlyIntegersASignedRegisterHolds) {
  Harness h;
  auto loads = [&](const Json& value, int64_t* out) {
    int32_t answer = -1;
    h.run(Json{{"i", value}}, [&](aslrt_frame& f, Execution&) { answer = aslrt_loop_load_int(&f, kI, out); });
    return answer;
  };
  int64_t v = 0;
  EXPECT_EQ(loads(Json(42u), &v), 1);
  EXPECT_EQ(v, 42);
  EXPECT_EQ(loads(Json(int64_t{-7}), &v), 1);
  EXPECT_EQ(v, -7);
  EXPECT_EQ(loads(Json(static_cast<uint64_t>(INT64_MAX)), &v), 1);
  EXPECT_EQ(v, INT64_MAX);
  EXPECT_EQ(loads(Json(static_cast<uint64_t>(INT64_MAX) + 1), &v), 0);
  EXPECT_EQ(loads(Json(3.0), &v), 0);  // a float, even an integral one, is not an integer member
  EXPECT_EQ(loads(Json("3"), &v), 0);
  EXPECT_EQ(loads(Json(nullptr), &v), 0);
  h.run(Json{{"i", 1}}, [&](aslrt_frame& f, Execution&) { EXPECT_EQ(aslrt_loop_load_int(&f, kAbsent, &v), 0); });
}

TEST(LoopOps, StoresASignedIntegerAsMathAddsResultIs) {
  Harness h;
  h.run(Json{{"i", 1u}, {"limit", 5u}}, [](aslrt_frame& f, Execution&) {
    aslrt_loop_store_int(&f, kI, 2);
    EXPECT_TRUE(f.input["i"].is_number_integer() && !f.input["i"].is_number_unsigned());
    EXPECT_EQ(f.input.dump(), R"({"i":2,"limit":5})");
    EXPECT_TRUE(f.input["limit"].is_number_unsigned());  // untouched members keep their type
  });
}

TEST(LoopOps, EachTickCountsAStatesTwoEvents) {
  Harness h;
  h.run(Json{{"i", 1}}, [](aslrt_frame& f, Execution& exec) {
    int64_t before = exec.lastEventId(), promotedBefore = exec.promotedStates;
    EXPECT_EQ(aslrt_loop_tick(&f), 0);
    EXPECT_EQ(aslrt_loop_tick(&f), 0);
    EXPECT_EQ(exec.lastEventId(), before + 4);  // entered and exited, twice
    EXPECT_EQ(exec.promotedStates, promotedBefore + 2);  // what --bench reports as promoted_states
  });
}

TEST(LoopOps, ATickHandsOverOnceTheExecutionIsCancelled) {
  Harness h;
  CancelScope scope;
  Execution exec(h.program, h.sched, h.options, Json::object());
  aslrt_frame f;
  f.exec = &exec;
  f.machine = &h.program.machines[0];
  int32_t answer = -1;
  int64_t events = 0;
  h.sched.spawn(
      [&] {
        h.sched.cancel(scope);
        int64_t before = exec.lastEventId();
        answer = aslrt_loop_tick(&f);
        events = exec.lastEventId() - before;
      },
      &scope);
  h.sched.run();
  EXPECT_EQ(answer, 1);
  EXPECT_EQ(events, 0);  // the state's own code counts it, if it runs at all
}

}  // namespace
}  // namespace aslrt
