// Native handlers (aslrt/handler.h): finding them by symbol, the reply they
// fill in, and each execution's handler slot.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "aslrt/failure.h"
#include "aslrt/handler.h"
#include "aslrt/json.h"
#include "aslrt/json_handler.hpp"

namespace aslrt {

// A handler of either interface: JSON text (handler.h) or documents
// (json_handler.hpp). At most one is set.
struct NativeHandler {
  aslrt_handler_fn text = nullptr;
  JsonHandlerFn json = nullptr;
  explicit operator bool() const { return text || json; }
};

// The JSON handlers' registration table (ASLRT_JSON_HANDLER), then the text
// handlers' (ASLRT_REGISTER_HANDLER), then dlsym (text handlers only); empty
// if none has it.
NativeHandler findNativeHandler(const std::string& symbol);

// Why this process cannot call native handlers ("" = it can): set by a host
// that links none (aslc's interpreter mode), so a binding naming one fails
// with that reason instead of a dlsym that might find an unrelated symbol.
void setNativeHandlersUnavailable(const std::string& why);
const std::string& nativeHandlersUnavailable();

// The names are views of whole NUL-terminated strings (the binding, the
// program, the execution's context object) that outlive the call: a Task
// call copies none of them.
struct NativeCall {
  NativeHandler handler;
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

// Calls the handler on the calling thread (a worker thread unless the
// binding says "inline"; see handler.h). A text handler gets the input
// serialised; a reply that echoes that text byte for byte is copied from
// `input`, not parsed. A JSON handler reads `input` itself.
NativeOutcome callNativeHandler(const NativeCall& call, const Json& input);

// Frees every execution's slot (slot_free), on the workflow's thread, after
// the execution(s) ended.
void releaseHandlerSlots();

}  // namespace aslrt
