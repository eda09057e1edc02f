// The bench workloads' task behaviours (../shared/bench/README.md), written as
// ordinary native handlers bound through bench/bindings.json: nothing in the
// runtime knows these names.
#include <aslrt/handler.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace {

using Json = nlohmann::json;

[[noreturn]] void failWith(const Json& input) {
  throw aslrt::TaskError(input.value("errorName", std::string("Transient")),
                         input.value("cause", std::string("injected failure")));
}

// Fails while input.attempt < input.failBelow; otherwise returns the input.
// Written against the C ABI: its error reply costs no C++ throw, which the
// retry-catch workload would otherwise pay hundreds of times per execution.
int failIf(const aslrt_task_context*, const char* text, size_t len, aslrt_task_reply* reply) {
  Json input = Json::parse(text, text + len, nullptr, false);
  if (input.is_discarded()) return aslrt_reply_error(reply, "States.TaskFailed", "input is not JSON");
  if (input.value("attempt", 0.0) >= input.value("failBelow", 0.0)) return aslrt_reply_result(reply, text, len);
  std::string error = input.value("errorName", std::string("Transient"));
  std::string cause = input.value("cause", std::string("injected failure"));
  return aslrt_reply_error(reply, error.c_str(), cause.c_str());
}

// Per execution, the first input.failTimes calls for each input.key fail.
std::string failFirst(const aslrt::Context& ctx, std::string_view text) {
  Json input = Json::parse(text);
  std::string key = input.value("key", Json()).dump();
  int calls = ctx.withSlot<std::map<std::string, int>>([&](auto& counts) { return counts[key]++; });
  if (calls < input.value("failTimes", 0)) failWith(input);
  return std::string(text);
}

}  // namespace

ASLRT_REGISTER_HANDLER_AS("bench_fail_if", failIf);
ASLRT_CPP_HANDLER(bench_fail_first, failFirst);
