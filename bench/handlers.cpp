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

// The four top-level fields bench-fail-if reads, taken from the parser's
// events: no document is built for a handler that only looks at them.
struct FailIfFields : nlohmann::json_sax<Json> {
  double attempt = 0, failBelow = 0;
  std::string errorName = "Transient", cause = "injected failure";
  int depth = 0;
  std::string field;  // the top-level key whose value comes next

  bool top() const { return depth == 1; }
  bool number(double v) {
    if (top() && field == "attempt") attempt = v;
    if (top() && field == "failBelow") failBelow = v;
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& v) override {
    if (top() && field == "errorName") errorName = v;
    if (top() && field == "cause") cause = v;
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth, true; }
  bool key(string_t& k) override {
    if (top()) field = k;
    return true;
  }
  bool end_object() override { return --depth, true; }
  bool start_array(std::size_t) override { return ++depth, true; }
  bool end_array() override { return --depth, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// Fails while input.attempt < input.failBelow; otherwise returns the input.
// Written against the C ABI: its error reply costs no C++ throw, which the
// retry-catch workload would otherwise pay hundreds of times per execution.
int failIf(const aslrt_task_context*, const char* text, size_t len, aslrt_task_reply* reply) {
  FailIfFields in;
  if (!Json::sax_parse(text, text + len, &in, nlohmann::detail::input_format_t::json, false))
    return aslrt_reply_error(reply, "States.TaskFailed", "input is not JSON");
  if (in.attempt >= in.failBelow) return aslrt_reply_result(reply, text, len);
  return aslrt_reply_error(reply, in.errorName.c_str(), in.cause.c_str());
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
