// The bench workloads' task behaviours (../shared/bench/README.md), written as
// ordinary native handlers bound through bench/bindings.json: nothing in the
// runtime knows these names.
#include <aslrt/handler.hpp>
#include <aslrt/json_handler.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace {

using Json = aslrt::Json;

// Members are looked up by string_view: a const char* key would be compared
// through strlen at every node of the object's map.

// A top-level string of the input, or `fallback` if absent or not a string.
std::string stringAt(const Json& input, std::string_view key, const char* fallback) {
  auto it = input.find(key);
  return it != input.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// The error both handlers fail with (an object input's errorName and cause).
aslrt::TaskError errorOf(const Json& input) {
  return aslrt::TaskError(stringAt(input, "errorName", "Transient"), stringAt(input, "cause", "injected failure"));
}

// A top-level number of the input, 0 if absent or not a number.
double numberAt(const Json& input, std::string_view key) {
  if (!input.is_object()) return 0;
  auto it = input.find(key);
  return it != input.end() && it->is_number() ? it->get<double>() : 0;
}

// Fails while input.attempt < input.failBelow; otherwise returns the input.
// JSON handlers (json_handler.hpp) read the document the runtime already
// holds, and return errors rather than throwing them: the retry-catch
// workload fails hundreds of times per execution.
aslrt::JsonReply failIf(const aslrt::Context&, const Json& input) {
  if (numberAt(input, "attempt") >= numberAt(input, "failBelow")) return input;
  return errorOf(input);
}

// Per execution, the first input.failTimes calls for each input.key fail.
aslrt::JsonReply failFirst(const aslrt::Context& ctx, const Json& input) {
  if (!input.is_object()) return input;
  std::string key = input.value("key", Json()).dump();
  int calls = ctx.withSlot<std::map<std::string, int>>([&](auto& counts) { return counts[key]++; });
  if (calls < input.value("failTimes", 0)) return errorOf(input);
  return input;
}

}  // namespace

ASLRT_JSON_HANDLER(bench_fail_if, failIf);
ASLRT_JSON_HANDLER(bench_fail_first, failFirst);
