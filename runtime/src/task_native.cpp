#include "task_native.h"
#include "aslrt/json_parse.h"
#include "aslrt/payload_size.h"

#include <dlfcn.h>

#include <map>
#include <memory>
#include <mutex>

// Set up by the linker when a linked object registered a handler; weak, so
// an executable without handlers links (and sees null).
extern "C" {
extern const aslrt_handler_registration __start_aslrt_handlers[] __attribute__((weak));
extern const aslrt_handler_registration __stop_aslrt_handlers[] __attribute__((weak));
}
extern const aslrt::JsonHandlerRegistration __start_aslrt_json_handlers[] __attribute__((weak));
extern const aslrt::JsonHandlerRegistration __stop_aslrt_json_handlers[] __attribute__((weak));

struct aslrt_task_reply {
  bool hasResult = false, hasValue = false, hasError = false;
  std::string result;  // a text handler's result
  aslrt::Json value;   // a JSON handler's result
  aslrt::Failure failure;
};

namespace aslrt {
namespace {

struct HandlerSlot {
  std::mutex lock;
  void* value = nullptr;
  void (*free)(void*) = nullptr;
};

std::mutex slotsLock;
std::map<const void*, std::unique_ptr<HandlerSlot>>& slots() {
  static std::map<const void*, std::unique_ptr<HandlerSlot>> all;
  return all;
}

HandlerSlot& slotOf(const void* execution) {
  std::lock_guard<std::mutex> guard(slotsLock);
  std::unique_ptr<HandlerSlot>& s = slots()[execution];
  if (!s) s = std::make_unique<HandlerSlot>();
  return *s;
}

// A NativeCall's names view whole NUL-terminated strings; an unset one is "".
const char* text(std::string_view name) { return name.data() ? name.data() : ""; }

NativeOutcome outcomeOf(const NativeCall& call, int status, aslrt_task_reply& reply, const std::string& inputJson,
                        const Json& input) {
  NativeOutcome out;
  if (status != ASLRT_HANDLER_OK) {
    out.failure = reply.hasError ? reply.failure
                                 : Failure{"States.TaskFailed", "native handler '" + std::string(call.symbol) + "' returned " +
                                                                    std::to_string(status) + " without an error"};
    return out;
  }
  // Pass-through handlers reply with their input: the same text is the same value.
  bool echoed = reply.hasResult && reply.result == inputJson;
  if (reply.hasValue) out.value = std::move(reply.value);
  else out.value = echoed ? input : reply.hasResult ? aslrt::parseJson(reply.result) : Json(nullptr);
  if (out.value.is_discarded()) {
    out.failure = {"States.TaskFailed", "native handler '" + std::string(call.symbol) + "' replied with text that " +
                                            aslrt::whyNotJson(reply.result) + ": " +
                                            reply.result.substr(0, 200)};
    return out;
  }
  // Text replies are held to the parser's depth; a document may nest any
  // deeper, which the runtime's recursive walks (copies, dumps) must not meet.
  if (reply.hasValue && aslrt::nestsDeeperThan(out.value, aslrt::kMaxStateDepth)) {
    out.failure = {"States.TaskFailed", "native handler '" + std::string(call.symbol) + "' replied with a value that " +
                                            aslrt::valueNestedTooDeep()};
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace

std::string& unavailableReason() {
  static std::string why;
  return why;
}

void setNativeHandlersUnavailable(const std::string& why) { unavailableReason() = why; }
const std::string& nativeHandlersUnavailable() { return unavailableReason(); }

// The function registered as `symbol` in one registration section (the
// linker's __start_/__stop_ bounds; both null when nothing was registered).
template <typename Registration>
auto registered(const Registration* begin, const Registration* end, const std::string& symbol)
    -> decltype(begin->fn) {
  if (begin && end)
    for (const Registration* r = begin; r < end; ++r)
      if (r->abi_version == ASLRT_HANDLER_ABI_VERSION && r->name && r->fn && symbol == r->name) return r->fn;
  return nullptr;
}

NativeHandler findNativeHandler(const std::string& symbol) {
  NativeHandler found;
  if (!unavailableReason().empty()) return found;
  if ((found.json = registered(__start_aslrt_json_handlers, __stop_aslrt_json_handlers, symbol))) return found;
  if ((found.text = registered(__start_aslrt_handlers, __stop_aslrt_handlers, symbol))) return found;
  found.text = reinterpret_cast<aslrt_handler_fn>(dlsym(RTLD_DEFAULT, symbol.c_str()));
  return found;
}

NativeOutcome callNativeHandler(const NativeCall& call, const Json& input) {
  HandlerSlot& slot = slotOf(call.execution);
  aslrt_task_context ctx{ASLRT_HANDLER_ABI_VERSION, text(call.executionName), text(call.executionArn),
                         text(call.stateMachineName), text(call.stateName), text(call.resource),
                         text(call.target), call.retryCount, &slot.value, &slot.free, &slot};
  aslrt_task_reply reply;
  if (call.handler.json) return outcomeOf(call, call.handler.json(&ctx, input, &reply), reply, "", input);
  std::string inputJson = input.dump();
  int status = call.handler.text(&ctx, inputJson.c_str(), inputJson.size(), &reply);
  return outcomeOf(call, status, reply, inputJson, input);
}

void releaseHandlerSlots() {
  std::map<const void*, std::unique_ptr<HandlerSlot>> ended;
  {
    std::lock_guard<std::mutex> guard(slotsLock);
    ended.swap(slots());
  }
  for (auto& [execution, slot] : ended)
    if (slot->free && slot->value) slot->free(slot->value);
}

}  // namespace aslrt

extern "C" int aslrt_reply_result(aslrt_task_reply* reply, const char* json, size_t json_len) {
  reply->hasResult = true;
  reply->result.assign(json ? json : "null", json ? json_len : 4);
  return ASLRT_HANDLER_OK;
}

int aslrt::replyJson(aslrt_task_reply* reply, Json&& value) {
  reply->hasValue = true;
  reply->value = std::move(value);
  return ASLRT_HANDLER_OK;
}

extern "C" int aslrt_reply_error(aslrt_task_reply* reply, const char* error, const char* cause) {
  reply->hasError = true;
  reply->failure.error = error && *error ? error : "States.TaskFailed";
  if (cause) reply->failure.cause = cause;
  return ASLRT_HANDLER_ERROR;
}

extern "C" void aslrt_slot_lock(const aslrt_task_context* ctx) {
  static_cast<aslrt::HandlerSlot*>(ctx->runtime_private)->lock.lock();
}

extern "C" void aslrt_slot_unlock(const aslrt_task_context* ctx) {
  static_cast<aslrt::HandlerSlot*>(ctx->runtime_private)->lock.unlock();
}
