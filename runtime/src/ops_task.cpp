// Task states: the rendered parameters go to the state's binding. A mocked
// response (--mock-config) wins for a state it mocks; otherwise the task
// bindings (--bindings, task_bindings.h) answer; a Task with neither fails
// as AWS fails a call that cannot be made.
#include <algorithm>

#include "callback_task.h"
#include "aslrt/json_release.h"
#include "execution.h"
#include "task_bindings.h"
#include "task_http.h"
#include "task_invoke.h"
#include "task_lambda.h"
#include "task_nested.h"

using aslrt::Json;

namespace {

int32_t noBinding(aslrt_frame* f, const aslrt::TaskTarget& target) {
  std::string what = "the resource " + target.describe();
  f->failure = {"States.TaskFailed", "No binding for " + what + " of state '" + f->stateInfo().name +
                                         "': bind it with --bindings FILE or mock it with --mock-config"};
  return ASLRT_FAILED;
}

// What a result over the payload quota is said to come from: a Lambda
// function's ARN, or the service of an integration ('lambda' for
// arn:aws:states:::lambda:invoke).
std::string resultSource(const std::string& resource) {
  const std::string integration = "arn:aws:states:::";
  if (resource.rfind(integration, 0) != 0) return resource;
  size_t end = resource.find(':', integration.size());
  return resource.substr(integration.size(), end == std::string::npos ? std::string::npos : end - integration.size());
}

// A task's result over 256 KiB fails the task itself, before ResultSelector
// or ResultPath could shrink it: recorded as LambdaFunctionFailed/TaskFailed
// with States.DataLimitExceeded naming the source
// (error_handling.states_errors.*_data_limit_exceeded_on_large_utf8_response).
void checkResultSize(const aslrt::TaskInfo& task, aslrt::TaskOutcome& outcome) {
  if (!outcome.ok || (!outcome.value.is_structured() && !outcome.value.is_string())) return;
  if (aslrt::measure(outcome.value).bytes <= aslrt::kMaxPayloadBytes) return;
  outcome = {false, nullptr, {"States.DataLimitExceeded", "The state/task '" + resultSource(task.resource) +
                                                              "' returned a result with a size exceeding the maximum "
                                                              "number of bytes service limit."}};
}

// Records the end of a task and leaves its result or error in the frame.
int32_t finish(aslrt_frame* f, const aslrt::TaskInfo& task, uint32_t dst, aslrt::TaskOutcome outcome) {
  aslrt::Execution& exec = *f->exec;
  const aslrt::TaskTraits& traits = task.traits;
  bool withHistory = !exec.options.historyPath.empty();
  if (outcome.aborted) return f->abandon();
  checkResultSize(task, outcome);
  if (!outcome.ok) {
    bool timedOut = outcome.failure.error == "States.Timeout";
    std::string key = timedOut ? "taskTimedOutEventDetails" : "taskFailedEventDetails";
    Json details = Json::object();
    if (withHistory && !outcome.failure.error.empty()) details["error"] = outcome.failure.error;
    if (withHistory && outcome.failure.cause) details["cause"] = *outcome.failure.cause;
    exec.record(timedOut ? traits.timedOut : traits.failed, exec.lastEventId(),
                withHistory ? Json{{key, details}} : Json());
    f->failure = std::move(outcome.failure);
    return ASLRT_FAILED;
  }
  Json succeeded = withHistory ? Json{{"taskSucceededEventDetails", {{"output", outcome.value.dump()}}}} : Json();
  exec.record(traits.succeeded, exec.lastEventId(), succeeded);
  aslrt::replaceWith(f->slots[dst], std::move(outcome.value));
  return ASLRT_OK;
}

aslrt::TaskOutcome mockedOutcome(aslrt_frame* f, const std::string& state) {
  aslrt::Execution& exec = *f->exec;
  int64_t invocation = exec.invocations[state]++;
  std::optional<aslrt::MockedResult> mocked = exec.mocks->result(state, invocation);
  if (!mocked)
    return {false, nullptr, {"States.TaskFailed", "The mock config has no response for invocation " +
                                                       std::to_string(invocation) + " of state '" + state + "'"}};
  if (mocked->isThrow) return {false, nullptr, mocked->failure};
  return {true, std::move(mocked->value), {}};  // AWS's recording: never re-wrapped
}

// The real time a bound command may run: what is left of TimeoutSeconds,
// at most a century (steady_clock's nanoseconds overflow past ~292 years).
std::optional<int64_t> timeoutMicros(const aslrt_frame* f, const aslrt::TaskTimers& timers) {
  constexpr int64_t kCentury = int64_t(100) * 366 * 24 * 3600 * 1000000;
  std::optional<int64_t> deadline = timers.deadline();
  if (!deadline) return std::nullopt;
  return std::clamp<int64_t>(*deadline - f->exec->scheduler.clock().nowMicros(), 1, kCentury);
}

// `input` is what the binding receives: the parameters, or lambda:invoke's event.
aslrt::TaskCall taskCall(aslrt_frame* f, const aslrt::TaskInfo& task, const aslrt::Binding* binding,
                         const aslrt::TaskTarget& target, const Json& input, const aslrt::TaskTimers& timers) {
  aslrt::Execution& exec = *f->exec;
  aslrt::TaskCall call;
  call.binding = binding;
  call.input = &input;
  call.lambda = task.traits.lambda;
  call.timeoutMicros = timeoutMicros(f, timers);
  const aslrt::Execution::Names& names = exec.names();
  call.context = {binding->handler, binding->symbol, *names.name, *names.arn, *names.stateMachineName,
                  f->stateInfo().name, task.resource, target.key, f->retryCount, &exec};
  return call;
}

aslrt::TaskOutcome boundOutcome(aslrt_frame* f, const aslrt::TaskInfo& task, const aslrt::Binding* binding,
                                const aslrt::TaskTarget& target, const Json& params, const aslrt::TaskTimers& timers) {
  if (binding->kind == aslrt::BindingKind::StateMachine && aslrt::isStartExecution(task.resource))
    return aslrt::startNestedExecution(*binding, task.resource, params, *f->exec);
  // The parameters are passed by reference, not copied: only lambda:invoke builds a new input.
  Json event;
  bool invoke = task.resource.rfind("arn:aws:states:::lambda:invoke", 0) == 0;
  if (invoke) event = aslrt::lambdaEvent(params);
  aslrt::TaskOutcome out = aslrt::invokeBinding(taskCall(f, task, binding, target, invoke ? event : params, timers),
                                                f->exec->scheduler);
  if (out.ok && aslrt::isLambdaInvoke(task.resource))
    out.value = aslrt::lambdaInvokeEnvelope(out.value, f->exec->rng);
  return out;
}

// An unbound http:invoke performs the request itself (task_http.h).
aslrt::TaskOutcome httpOutcome(aslrt_frame* f, const Json& params, const aslrt::TaskTimers& timers) {
  std::string arn = f->exec->executionArn();  // arn:aws:states:REGION:...
  size_t at = arn.find(':', arn.find(':', arn.find(':') + 1) + 1);
  std::string region = at == std::string::npos ? "" : arn.substr(at + 1, arn.find(':', at + 1) - at - 1);
  return aslrt::invokeHttpTask(params, timeoutMicros(f, timers), region, f->exec->scheduler);
}

// A .waitForTaskToken task with a binding: the binding is the service call
// (its answer is discarded, as AWS discards the service's response once the
// task is submitted); then the task waits for SendTaskSuccess/Failure.
aslrt::TaskOutcome callbackOutcome(aslrt_frame* f, const aslrt::TaskInfo& task, const aslrt::Binding* binding,
                                   const aslrt::TaskTarget& target, const Json& params,
                                   const aslrt::TaskTimers& timers) {
  aslrt::Execution& exec = *f->exec;
  const std::string token = f->taskToken();  // before the call: retries make a new one
  uint64_t waitKey = aslrt::openCallback(f, token);
  aslrt::TaskOutcome call = boundOutcome(f, task, binding, target, params, timers);
  if (!call.ok) {
    aslrt::cancelCallback(token);
    return call;
  }
  Json submitted = Json::object();
  if (!exec.options.historyPath.empty())
    submitted = {{"taskSubmittedEventDetails", {{"resource", task.resource}, {"output", call.value.dump()}}}};
  exec.record("TaskSubmitted", exec.lastEventId(), submitted);
  return aslrt::awaitCallback(f, token, waitKey, timers);
}

Json scheduledDetails(const aslrt::TaskInfo& task, const Json& params, const aslrt::TaskTimers& timers) {
  bool activity = task.traits.family == "Activity";
  Json d = {{"resource", task.resource}};
  if (activity) {
    d["input"] = params.dump();
    d["inputDetails"] = {{"truncated", false}};
  } else {
    d["parameters"] = params.dump();
  }
  if (timers.timeoutSeconds) d["timeoutInSeconds"] = *timers.timeoutSeconds;
  if (timers.heartbeatSeconds) d["heartbeatInSeconds"] = *timers.heartbeatSeconds;
  return {{activity ? "activityScheduledEventDetails" : "taskScheduledEventDetails", d}};
}

}  // namespace

namespace {

// The binding answering `target`: searched once per execution and Task when
// the target is the Resource itself (not a FunctionName/StateMachineArn
// parameter), as bindings do not change while an execution runs.
const aslrt::Binding* bindingFor(aslrt::Execution& exec, uint32_t taskId, const aslrt::TaskBindings& bindings,
                                 const aslrt::TaskTarget& target) {
  if (!target.keyIsResource()) return bindings.find(target);
  if (exec.taskBindings.size() <= taskId) exec.taskBindings.resize(exec.program.tasks.size());
  aslrt::Execution::FoundBinding& found = exec.taskBindings[taskId];
  if (!found.looked) found = {true, bindings.find(target)};
  return found.binding;
}

}  // namespace

extern "C" int32_t aslrt_invoke_task(aslrt_frame* f, uint32_t dst, uint32_t params_slot, uint32_t task_id) {
  aslrt::Execution& exec = *f->exec;
  const aslrt::TaskInfo& task = exec.program.tasks[task_id];
  const std::string& state = f->stateInfo().name;
  const aslrt::TaskTraits& traits = task.traits;
  bool withHistory = !exec.options.historyPath.empty();
  // TimeoutSecondsPath and HeartbeatSecondsPath are read before the task is
  // scheduled (recorded: INVALID_JSONPATH_IN_HEARTBEATSECONDSPATH).
  std::optional<aslrt::TaskTimers> timers = aslrt::evaluateTaskTimers(f, task);
  if (!timers) return ASLRT_FAILED;
  // Read in place: the frame's slots stay put while the task runs, and the
  // task's result lands in `dst` only after the call.
  const Json& params = f->slots[params_slot];
  exec.record(traits.scheduled, exec.lastEventId(), withHistory ? scheduledDetails(task, params, *timers) : Json());
  bool mocked = exec.mocks && exec.mocks->mocks(state);
  aslrt::TaskTarget target = aslrt::taskTarget(task.resource, params);
  const aslrt::TaskBindings* bindings = aslrt::TaskBindings::active();
  const aslrt::Binding* binding = mocked || !bindings ? nullptr : bindingFor(exec, task_id, *bindings, target);
  // An activity nothing else answers is served to workers (GetActivityTask);
  // ActivityStarted is recorded when one takes it.
  if (!mocked && !binding && traits.activity) return aslrt::runActivity(f, dst, task.resource, params, *timers);
  exec.record(traits.started, exec.lastEventId());
  if (traits.family == "Task" && traits.submitsFirst && (mocked || !binding || !traits.callback))
    exec.record("TaskSubmitted", exec.lastEventId());
  if (mocked) return finish(f, task, dst, mockedOutcome(f, state));
  if (!binding && traits.httpInvoke) return finish(f, task, dst, httpOutcome(f, params, *timers));
  if (!binding) return noBinding(f, target);
  if (traits.callback) return finish(f, task, dst, callbackOutcome(f, task, binding, target, params, *timers));
  return finish(f, task, dst, boundOutcome(f, task, binding, target, params, *timers));
}
