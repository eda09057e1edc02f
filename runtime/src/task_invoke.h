// Runs a Task's binding (task_bindings.h) and turns its answer into a task
// outcome. Commands and native handlers run on a worker thread while the
// calling fiber is parked, so other branches keep running.
#pragma once
#include <optional>
#include <string>

#include "aslrt/failure.h"
#include "aslrt/json.h"
#include "scheduler.h"
#include "task_bindings.h"
#include "task_native.h"

namespace aslrt {

struct TaskCall {
  const Binding* binding = nullptr;
  const Json* input = nullptr;          // what the binding receives (the caller keeps it alive)
  bool lambda = false;                  // Lambda error mapping (Lambda.Unknown)
  std::optional<int64_t> timeoutMicros; // the state's timeout (commands are killed)
  NativeCall context;                   // names for messages and the handler context
};

// A task that ran out of TimeoutSeconds or HeartbeatSeconds. Its cause is
// empty, not absent: the recorded error output of a caught time-out is
// {"Error": "States.Timeout", "Cause": ""} (error_handling.task_service_lambda.invoke_timeout).
inline Failure taskTimedOut() { return {"States.Timeout", std::string()}; }

struct TaskOutcome {
  bool ok = false;
  Json value;
  Failure failure;  // States.Timeout when a command was killed
  bool aborted = false;  // the fiber was cancelled while it waited: nothing to record
};

TaskOutcome invokeBinding(const TaskCall& call, Scheduler& scheduler);

}  // namespace aslrt
