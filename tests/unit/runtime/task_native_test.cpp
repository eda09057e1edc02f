// Native handlers through the C++ header: results, TaskError, stray
// exceptions, the per-execution slot and its release.
#include "task_native.h"

#include <gtest/gtest.h>

#include "aslrt/handler.hpp"

namespace {

int destroyed = 0;
struct Counter {
  int calls = 0;
  ~Counter() { ++destroyed; }
};

std::string countCalls(const aslrt::Context& ctx, std::string_view input) {
  if (input == "\"raise\"") throw aslrt::TaskError("Custom.Error", "asked to");
  if (input == "\"throw\"") throw std::runtime_error("oops");
  int calls = ctx.withSlot<Counter>([](Counter& c) { return ++c.calls; });
  return "{\"calls\":" + std::to_string(calls) + ",\"state\":\"" + std::string(ctx.stateName()) + "\"}";
}
ASLRT_CPP_HANDLER(count_calls_for_test, countCalls);

aslrt::NativeOutcome call(const void* execution, const std::string& input) {
  aslrt::NativeCall c;
  c.handler = aslrt::findNativeHandler("count_calls_for_test");
  c.symbol = "count_calls_for_test";
  c.stateName = "S";
  c.execution = execution;
  EXPECT_TRUE(c.handler);
  return aslrt::callNativeHandler(c, input);
}

TEST(TaskNative, CppHandlerResultsErrorsAndSlots) {
  int a = 0, b = 0;  // two executions
  EXPECT_EQ(call(&a, "{}").value, aslrt::Json::parse(R"({"calls":1,"state":"S"})"));
  EXPECT_EQ(call(&a, "{}").value["calls"], 2);
  EXPECT_EQ(call(&b, "{}").value["calls"], 1);
  aslrt::NativeOutcome raised = call(&a, "\"raise\"");
  EXPECT_FALSE(raised.ok);
  EXPECT_EQ(raised.failure.error, "Custom.Error");
  EXPECT_EQ(*raised.failure.cause, "asked to");
  aslrt::NativeOutcome thrown = call(&a, "\"throw\"");
  EXPECT_EQ(thrown.failure.error, "States.TaskFailed");
  EXPECT_EQ(*thrown.failure.cause, "oops");
  aslrt::releaseHandlerSlots();
  EXPECT_EQ(destroyed, 2);
  EXPECT_EQ(call(&a, "{}").value["calls"], 1);  // a fresh slot after the release
  aslrt::releaseHandlerSlots();
}

TEST(TaskNative, UnknownSymbol) { EXPECT_EQ(aslrt::findNativeHandler("no_such_symbol_anywhere"), nullptr); }

}  // namespace
