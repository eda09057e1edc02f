// C++ convenience over handler.h: write a handler as a function of a
// Context and the input text that returns the result text, or throws
// aslrt::TaskError for an ASL error. Any other exception becomes
// States.TaskFailed with what() as the cause; none escapes into the runtime.
//
//   std::string greet(const aslrt::Context& ctx, std::string_view input) {
//     if (input == "{}") throw aslrt::TaskError("Greeting.Empty", "nobody to greet");
//     return R"({"greeting":"hello"})";
//   }
//   ASLRT_CPP_HANDLER(greet_handler, greet);
//
// Only the standard library is used, so handlers need no JSON library.
#pragma once
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "aslrt/handler.h"

namespace aslrt {

// An ASL error a handler raises: Error and Cause as Catch and Retry see them.
class TaskError : public std::runtime_error {
 public:
  TaskError(std::string error, std::string cause)
      : std::runtime_error(cause), error_(std::move(error)), cause_(std::move(cause)) {}
  const std::string& error() const { return error_; }
  const std::string& cause() const { return cause_; }

 private:
  std::string error_, cause_;
};

// A read-only view of the execution context, with the per-execution slot.
class Context {
 public:
  explicit Context(const aslrt_task_context* raw) : raw_(raw) {}
  std::string_view executionName() const { return raw_->execution_name; }
  std::string_view executionArn() const { return raw_->execution_arn; }
  std::string_view stateMachineName() const { return raw_->state_machine_name; }
  std::string_view stateName() const { return raw_->state_name; }
  std::string_view resource() const { return raw_->resource; }
  std::string_view target() const { return raw_->target; }
  int64_t retryCount() const { return raw_->retry_count; }
  const aslrt_task_context* raw() const { return raw_; }

  // The execution's T (default-constructed on first use, deleted when the
  // execution ends). Guard concurrent use of T yourself, e.g. with
  // withSlot below, which holds the slot's lock during `fn`.
  template <typename T>
  T& slot() const {
    SlotLock lock(raw_);
    if (!*raw_->slot) {
      *raw_->slot = new T();
      *raw_->slot_free = [](void* p) { delete static_cast<T*>(p); };
    }
    return *static_cast<T*>(*raw_->slot);
  }
  template <typename T, typename Fn>
  auto withSlot(Fn&& fn) const {
    T& value = slot<T>();
    SlotLock lock(raw_);
    return fn(value);
  }

 private:
  struct SlotLock {
    explicit SlotLock(const aslrt_task_context* c) : c_(c) { aslrt_slot_lock(c_); }
    ~SlotLock() { aslrt_slot_unlock(c_); }
    const aslrt_task_context* c_;
  };
  const aslrt_task_context* raw_;
};

// Inside a catch block: the exception being handled as the C reply (a
// TaskError's Error and Cause, else States.TaskFailed).
inline int replyWithCurrentException(aslrt_task_reply* reply) noexcept {
  try {
    throw;
  } catch (const TaskError& e) {
    return aslrt_reply_error(reply, e.error().c_str(), e.cause().c_str());
  } catch (const std::exception& e) {
    return aslrt_reply_error(reply, "States.TaskFailed", e.what());
  } catch (...) {
    return aslrt_reply_error(reply, "States.TaskFailed", "the handler threw a non-standard exception");
  }
}

// Calls `fn(Context, std::string_view input) -> std::string` and turns its
// answer (or exception) into the C reply.
template <typename Fn>
int invokeHandler(Fn&& fn, const aslrt_task_context* ctx, const char* input, size_t len,
                  aslrt_task_reply* reply) noexcept {
  try {
    std::string result = fn(Context(ctx), std::string_view(input, len));
    return aslrt_reply_result(reply, result.data(), result.size());
  } catch (...) {
    return replyWithCurrentException(reply);
  }
}

}  // namespace aslrt

// Defines the C handler `name` around the C++ callable `fn` and registers it.
#define ASLRT_CPP_HANDLER(name, fn)                                                                \
  extern "C" int name(const aslrt_task_context* ctx, const char* input, size_t len,               \
                      aslrt_task_reply* reply) {                                                   \
    return ::aslrt::invokeHandler(fn, ctx, input, len, reply);                                     \
  }                                                                                                \
  ASLRT_REGISTER_HANDLER(name)
