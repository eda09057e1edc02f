// The HTTP Task (arn:aws:states:::http:invoke): its rendered Parameters (or
// JSONata Arguments) become a request, the response becomes AWS's result
// shape {Headers, ResponseBody, StatusCode, StatusText}, and a non-2xx status
// becomes States.Http.StatusCode.NNN. When neither a mock nor a binding
// answers such a task, the runtime performs the request itself: that is its
// local meaning. https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
#pragma once
#include <optional>
#include <string>
#include <variant>

#include "aslrt/failure.h"
#include "aslrt/json.h"
#include "http_client.h"
#include "task_invoke.h"

namespace aslrt {

class Scheduler;

bool isHttpInvoke(const std::string& resource);

// AWS gives up on an endpoint after 60 seconds (States.Http.Socket).
constexpr int64_t kHttpTaskLimitMicros = 60'000'000;

// The request the parameters describe, or States.Runtime saying what is wrong
// with them. `region` goes into the User-Agent AWS sends.
std::variant<HttpRequest, Failure> httpTaskRequest(const Json& parameters, const std::string& region);

// AWS's result shape, or the task's error. `stateTimeout`: the state's own
// TimeoutSeconds was the limit that applied (States.Timeout rather than
// States.Http.Socket when the transfer ran out of time).
TaskOutcome httpTaskOutcome(const HttpResponse& response, bool stateTimeout);

// Builds, performs (parking the calling fiber) and shapes one HTTP Task.
TaskOutcome invokeHttpTask(const Json& parameters, std::optional<int64_t> stateTimeoutMicros,
                           const std::string& region, Scheduler& scheduler);

}  // namespace aslrt
