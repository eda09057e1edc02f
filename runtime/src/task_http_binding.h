// The `http` binding kind (docs/BINDINGS.md): a Task answered by an HTTP
// endpoint, such as a Lambda function served by the Lambda Runtime Interface
// Emulator at /2015-03-31/functions/function/invocations. The task input is
// POSTed as JSON and the response body is the result; a Lambda function's
// error (X-Amz-Function-Error, or an {"errorType","errorMessage"} body) maps
// to Error/Cause as AWS maps Lambda errors.
#pragma once
#include "scheduler.h"
#include "task_invoke.h"

namespace aslrt {

struct HttpResponse;

TaskOutcome invokeHttpBinding(const TaskCall& call, Scheduler& scheduler);

// The outcome of a finished exchange (separate so tests need no server).
TaskOutcome httpBindingOutcome(const TaskCall& call, const HttpResponse& response);

}  // namespace aslrt
