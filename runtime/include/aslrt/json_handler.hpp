// JSON handlers: C++ task handlers that take the task input as a document
// (nlohmann::json) and answer with one, instead of JSON text. For a handler
// linked into the executable this saves writing the input as text, the
// handler parsing it, and the runtime parsing the reply -- most of the cost
// of a short handler.
//
//   aslrt::JsonReply charge(const aslrt::Context& ctx, const nlohmann::json& input) {
//     if (!input.contains("amount")) return aslrt::TaskError("Payment.Invalid", "no amount");
//     return nlohmann::json{{"charged", input["amount"]}};
//   }
//   ASLRT_JSON_HANDLER(charge_handler, charge);   // "symbol": "charge_handler"
//
// An error can be returned (no C++ throw, which costs microseconds) or thrown
// as aslrt::TaskError; any other exception becomes States.TaskFailed.
//
// The document type is the runtime's own: compile the handler against the
// nlohmann/json the runtime was built with (Debian's). A different version or
// ABI (JSON_DIAGNOSTICS) fails at link time -- aslrt::replyJson's mangled
// name spells the version -- rather than corrupting memory at run time.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "aslrt/handler.hpp"

namespace aslrt {

// What a JSON handler answers: a result document or an ASL error.
class JsonReply {
 public:
  JsonReply(nlohmann::json value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  JsonReply(TaskError error) : error_(std::move(error)) {}        // NOLINT: implicit on purpose
  bool failed() const { return error_.has_value(); }
  nlohmann::json& value() { return value_; }
  const TaskError& error() const { return *error_; }

 private:
  nlohmann::json value_;
  std::optional<TaskError> error_;
};

// The result, moved into the reply (no copy, no text). Returns ASLRT_HANDLER_OK.
int replyJson(aslrt_task_reply* reply, nlohmann::json&& value);

using JsonHandlerFn = int (*)(const aslrt_task_context* ctx, const nlohmann::json& input,
                              aslrt_task_reply* reply);

// Found by name like ASLRT_REGISTER_HANDLER's table, in its own section.
struct JsonHandlerRegistration {
  uint32_t abi_version;
  const char* name;
  JsonHandlerFn fn;
};

// Calls `fn(Context, const nlohmann::json&) -> JsonReply` and turns its answer
// (or exception) into the reply.
template <typename Fn>
int invokeJsonHandler(Fn&& fn, const aslrt_task_context* ctx, const nlohmann::json& input,
                      aslrt_task_reply* reply) noexcept {
  try {
    JsonReply answer = fn(Context(ctx), input);
    if (answer.failed())
      return aslrt_reply_error(reply, answer.error().error().c_str(), answer.error().cause().c_str());
    return replyJson(reply, std::move(answer.value()));
  } catch (...) {
    return replyWithCurrentException(reply);
  }
}

}  // namespace aslrt

// Defines the JSON handler `name` around the C++ callable `fn` and registers
// it under that name (the binding's "symbol").
#define ASLRT_JSON_HANDLER(name, fn)                                                               \
  int name(const aslrt_task_context* ctx, const nlohmann::json& input, aslrt_task_reply* reply) { \
    return ::aslrt::invokeJsonHandler(fn, ctx, input, reply);                                      \
  }                                                                                                \
  static const ::aslrt::JsonHandlerRegistration aslrt_json_handler_registration_##name            \
      __attribute__((used, section("aslrt_json_handlers"), aligned(8))) ASLRT_HANDLER_RETAIN = {  \
          ASLRT_HANDLER_ABI_VERSION, #name, name}
