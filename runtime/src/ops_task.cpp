// Task states: the rendered parameters go to the state's binding. For now the
// binding is a Step Functions Local mocked response; a Task with no binding
// fails as AWS would fail a call that cannot be made.
#include "execution.h"

using aslrt::Json;

namespace {

// The history's event family for a resource, as AWS names the events.
std::string eventFamily(const std::string& resource) {
  if (resource.rfind("arn:aws:lambda:", 0) == 0 || resource.find(":lambda:") != std::string::npos &&
                                                       resource.find(":function:") != std::string::npos)
    return "LambdaFunction";
  if (resource.find(":activity:") != std::string::npos) return "Activity";
  return "Task";
}

bool submitsFirst(const std::string& resource) {
  return resource.find(".sync") != std::string::npos || resource.find(".waitForTaskToken") != std::string::npos;
}

Json taskDetails(const std::string& key, const std::string& resource) {
  return {{key, {{"resource", resource}}}};
}

int32_t noBinding(aslrt_frame* f, const std::string& resource) {
  f->failure = {"States.TaskFailed", "No binding for the resource '" + resource + "' of state '" +
                                         f->stateInfo().name + "': give it a mocked response (--mock-config)"};
  return ASLRT_FAILED;
}

}  // namespace

extern "C" int32_t aslrt_invoke_task(aslrt_frame* f, uint32_t dst, uint32_t params_slot, uint32_t task_id) {
  aslrt::Execution& exec = *f->exec;
  const aslrt::TaskInfo& task = exec.program.tasks[task_id];
  const std::string& state = f->stateInfo().name;
  std::string family = eventFamily(task.resource);
  bool withHistory = !exec.options.historyPath.empty();
  Json scheduled = withHistory ? taskDetails("taskScheduledEventDetails", task.resource) : Json();
  if (withHistory) scheduled["taskScheduledEventDetails"]["parameters"] = f->slots[params_slot].dump();
  exec.record(family + "Scheduled", exec.lastEventId(), scheduled);
  exec.record(family + "Started", exec.lastEventId());
  if (family == "Task" && submitsFirst(task.resource)) exec.record("TaskSubmitted", exec.lastEventId());
  if (!exec.mocks || !exec.mocks->mocks(state)) return noBinding(f, task.resource);
  int64_t invocation = exec.invocations[state]++;
  std::optional<aslrt::MockedResult> mocked = exec.mocks->result(state, invocation);
  if (!mocked) {
    f->failure = {"States.TaskFailed", "The mock config has no response for invocation " +
                                           std::to_string(invocation) + " of state '" + state + "'"};
    return ASLRT_FAILED;
  }
  if (mocked->isThrow) {
    bool timedOut = mocked->failure.error == "States.Timeout";
    exec.record(family + (timedOut ? "TimedOut" : "Failed"), exec.lastEventId());
    f->failure = mocked->failure;
    return ASLRT_FAILED;
  }
  Json succeeded = withHistory ? Json{{"taskSucceededEventDetails", {{"output", mocked->value.dump()}}}} : Json();
  exec.record(family + "Succeeded", exec.lastEventId(), succeeded);
  f->slots[dst] = std::move(mocked->value);
  return ASLRT_OK;
}
