// JSON handlers: C++ task handlers that take the task input as a document
// (aslrt::Json) and answer with one, instead of JSON text. For a handler
// linked into the executable this saves writing the input as text, the
// handler parsing it, and the runtime parsing the reply -- most of the cost
// of a short handler.
//
//   aslrt::JsonReply charge(const aslrt::Context& ctx, const aslrt::Json& input) {
//     if (!input.contains("amount")) return aslrt::TaskError("Payment.Invalid", "no amount");
//     return aslrt::Json{{"charged", input["amount"]}};
//   }
//   ASLRT_JSON_HANDLER(charge_handler, charge);   // "symbol": "charge_handler"
//
// An error can be returned (no C++ throw, which costs microseconds) or thrown
// as aslrt::TaskError; any other exception becomes States.TaskFailed.
//
// The document type is the runtime's own: nlohmann::basic_json whose objects
// keep their members in insertion order, as AWS does (aslrt/json.h). A plain
// nlohmann::json converts to and from it implicitly, at the cost of a copy.
// Compile the handler against the nlohmann/json the runtime was built with
// (Debian's). A different version or
// ABI (JSON_DIAGNOSTICS) fails at link time -- aslrt::replyJson's mangled
// name spells the version -- rather than corrupting memory at run time.
#pragma once
#include <optional>
#include <utility>
#include <vector>

#include "aslrt/handler.hpp"
#include "aslrt/json.h"

namespace aslrt {

namespace json_handler_detail {

// A plain nlohmann::json reply as the runtime's document, without recursion
// (nlohmann's own conversion recurses once per level, and a handler may build
// any depth). Below kDeepest levels the value is cut off: it is deeper than
// any state may hold, and the runtime refuses it by its depth check.
inline Json fromPlainJson(const nlohmann::json& root) {
  constexpr size_t kDeepest = 1002;
  struct Pending {
    const nlohmann::json* from;
    Json* to;
    size_t depth;
  };
  Json out;
  std::vector<Pending> work{{&root, &out, 0}};
  while (!work.empty()) {
    Pending next = work.back();
    work.pop_back();
    const nlohmann::json& from = *next.from;
    if (!from.is_structured()) {
      *next.to = Json(from);  // a scalar: no recursion
      continue;
    }
    bool object = from.is_object();
    *next.to = object ? Json::object() : Json::array();
    if (next.depth >= kDeepest) continue;
    if (object) {
      Json::object_t& members = next.to->get_ref<Json::object_t&>();
      members.reserve(from.size());  // the members stay in place while they are filled
      for (auto it = from.begin(); it != from.end(); ++it)
        work.push_back({&*it, &members.appendNew(it.key(), nullptr), next.depth + 1});
    } else {
      Json::array_t& items = next.to->get_ref<Json::array_t&>();
      items.resize(from.size());
      for (size_t i = 0; i < from.size(); ++i) work.push_back({&from[i], &items[i], next.depth + 1});
    }
  }
  return out;
}

}  // namespace json_handler_detail

// What a JSON handler answers: a result document or an ASL error.
class JsonReply {
 public:
  JsonReply(Json value) : value_(std::move(value)) {}                // NOLINT: implicit on purpose
  JsonReply(const nlohmann::json& value) : value_(json_handler_detail::fromPlainJson(value)) {}  // NOLINT: a copy
  JsonReply(TaskError error) : error_(std::move(error)) {}          // NOLINT: implicit on purpose
  bool failed() const { return error_.has_value(); }
  Json& value() { return value_; }
  const TaskError& error() const { return *error_; }

 private:
  Json value_;
  std::optional<TaskError> error_;
};

// The result, moved into the reply (no copy, no text). Returns ASLRT_HANDLER_OK.
int replyJson(aslrt_task_reply* reply, Json&& value);

using JsonHandlerFn = int (*)(const aslrt_task_context* ctx, const Json& input,
                              aslrt_task_reply* reply);

// Found by name like ASLRT_REGISTER_HANDLER's table, in its own section.
struct JsonHandlerRegistration {
  uint32_t abi_version;
  const char* name;
  JsonHandlerFn fn;
};

// Calls `fn(Context, const Json&) -> JsonReply` and turns its answer
// (or exception) into the reply.
template <typename Fn>
int invokeJsonHandler(Fn&& fn, const aslrt_task_context* ctx, const Json& input,
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
#define ASLRT_JSON_HANDLER(name, fn)                                                                   \
  int name(const aslrt_task_context* ctx, const ::aslrt::Json& input, aslrt_task_reply* reply) { \
    return ::aslrt::invokeJsonHandler(fn, ctx, input, reply);                                      \
  }                                                                                                \
  static const ::aslrt::JsonHandlerRegistration aslrt_json_handler_registration_##name            \
      __attribute__((used, section("aslrt_json_handlers"), aligned(8))) ASLRT_HANDLER_RETAIN = {  \
          ASLRT_HANDLER_ABI_VERSION, #name, name}
