// Native handlers (aslrt/handler.h): finding them by symbol, the reply they
// fill in, and each execution's handler slot.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/failure.h"
#include "aslrt/handler.h"
#include "aslrt/json.h"

namespace aslrt {

// The registration table first (ASLRT_REGISTER_HANDLER), then dlsym; nullptr if neither has it.
aslrt_handler_fn findNativeHandler(const std::string& symbol);

// Why this process cannot call native handlers ("" = it can): set by a host
// that links none (aslc's interpreter mode), so a binding naming one fails
// with that reason instead of a dlsym that might find an unrelated symbol.
void setNativeHandlersUnavailable(const std::string& why);
const std::string& nativeHandlersUnavailable();

// The names are views of whole NUL-terminated strings (the binding, the
// program, the execution's context object) that outlive the call: a Task
// call copies none of them.
struct NativeCall {
  aslrt_handler_fn handler = nullptr;
  std::string_view symbol;
  std::string_view executionName, executionArn, stateMachineName, stateName, resource, target;
  int64_t retryCount = 0;
  const void* execution = nullptr;  // whose slot the handler gets
};

struct NativeOutcome {
  bool ok = false;
  Json value;
  Failure failure;
};

// Calls the handler on the calling thread (a worker thread; see handler.h).
// inputValue, when given, is the value inputJson serialises: a reply that
// echoes the input text byte for byte is then copied from it, not parsed.
NativeOutcome callNativeHandler(const NativeCall& call, const std::string& inputJson,
                                const Json* inputValue = nullptr);

// Frees every execution's slot (slot_free), on the workflow's thread, after
// the execution(s) ended.
void releaseHandlerSlots();

}  // namespace aslrt
