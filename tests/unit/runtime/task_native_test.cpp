// Native handlers through the C++ header: results, TaskError, stray
// exceptions, the per-execution slot and its release.
#include "task_native.h"

#include <gtest/gtest.h>

#include "aslrt/handler.hpp"
#include "aslrt/json_handler.hpp"

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
  EXPECT_TRUE(c.handler.text);
  return aslrt::callNativeHandler(c, aslrt::Json::parse(input));
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

TEST(TaskNative, UnknownSymbol) { EXPECT_FALSE(aslrt::findNativeHandler("no_such_symbol_anywhere")); }

// A JSON handler reads the document and answers with one; errors come back
// returned or thrown, and it has the same slot as a text handler.
aslrt::JsonReply tally(const aslrt::Context& ctx, const aslrt::Json& input) {
  if (input.is_string() && input == "raise") return aslrt::TaskError("Custom.Error", "asked to");
  if (input.is_string() && input == "throw") throw aslrt::TaskError("Thrown.Error", "thrown");
  if (input.is_string()) throw std::runtime_error("oops");
  int calls = ctx.withSlot<int>([](int& c) { return ++c; });
  return aslrt::Json{{"calls", calls}, {"sum", input.value("a", 0) + input.value("b", 0)}};
}
ASLRT_JSON_HANDLER(tally_for_test, tally);

aslrt::NativeOutcome callJson(const aslrt::Json& input) {
  static int execution = 0;
  aslrt::NativeCall c;
  c.handler = aslrt::findNativeHandler("tally_for_test");
  c.symbol = "tally_for_test";
  c.execution = &execution;
  EXPECT_TRUE(c.handler.json);
  EXPECT_FALSE(c.handler.text);
  return aslrt::callNativeHandler(c, input);
}

TEST(TaskNative, JsonHandlerTakesAndReturnsDocuments) {
  aslrt::NativeOutcome sum = callJson({{"a", 2}, {"b", 3}});
  ASSERT_TRUE(sum.ok);
  EXPECT_EQ(sum.value, aslrt::Json::parse(R"({"calls":1,"sum":5})"));
  EXPECT_EQ(callJson({{"a", 1}}).value["calls"], 2);
  aslrt::NativeOutcome returned = callJson("raise");
  EXPECT_FALSE(returned.ok);
  EXPECT_EQ(returned.failure.error, "Custom.Error");
  EXPECT_EQ(*returned.failure.cause, "asked to");
  EXPECT_EQ(callJson("throw").failure.error, "Thrown.Error");
  aslrt::NativeOutcome stray = callJson("other");
  EXPECT_EQ(stray.failure.error, "States.TaskFailed");
  EXPECT_EQ(*stray.failure.cause, "oops");
  aslrt::releaseHandlerSlots();
}

}  // namespace
