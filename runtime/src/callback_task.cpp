#include "callback_task.h"

#include <algorithm>
#include <functional>
#include <map>

#include "callback_registry.h"
#include "jsonata_template.h"

namespace aslrt {
namespace {


// "TimeoutSecondsPath" → a positive whole number of seconds from the input.
std::optional<int64_t> secondsFromPath(aslrt_frame* f, const JsonPath& path, const char* field, bool* failed) {
  std::string whyNot;
  // "$timeout" reads a variable (recorded: BASE_ASSIGN_FROM_LAMBDA_TASK_RESULT), "$$" the context.
  Json context;
  const Json* root = &f->rawInput();
  if (path.isVariablePath()) {
    root = &f->variables;
  } else if (path.isContextPath()) {
    context = f->contextObject();
    root = &context;
  }
  std::optional<Json> v = path.select(*root, &whyNot);
  if (!v) {
    *failed = true;
    f->raise("States.Runtime", path.invalidPathCause(whyNot));
    return std::nullopt;
  }
  if (!v->is_number_integer() || v->get<int64_t>() <= 0) {
    *failed = true;
    f->raise("States.Runtime", std::string("The value of the field '") + field + "' must be a positive integer, got " +
                                   v->dump() + " from the path '" + path.text() + "'");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

// "TimeoutSeconds": "{% expr %}" (JSONata): evaluated against the state's
// input and variables when the task is scheduled.
std::optional<int64_t> secondsFromJsonata(aslrt_frame* f, const std::string& text, const char* field, bool* failed) {
  // Compiled once per distinct expression (executions of a process share them).
  static std::map<std::string, std::optional<JsonataTemplate>> cache;
  auto it = cache.find(text);
  if (it == cache.end()) {
    std::string error;
    it = cache.emplace(text, JsonataTemplate::compile(Json(text), field, &jsonataRandom(), &error)).first;
  }
  Failure failure;
  std::optional<Json> v;
  if (it->second) v = it->second->evaluate(f->jsonataBindings(f->rawInput(), nullptr), &failure);
  else failure = {"States.QueryEvaluationError", std::string("cannot compile the field '") + field + "'"};
  if (!v) {
    *failed = true;
    f->raise(failure.error, failure.cause.value_or(""));
    return std::nullopt;
  }
  if (!v->is_number_integer() || v->get<int64_t>() <= 0) {
    *failed = true;
    f->raise("States.Runtime", std::string("The value of the field '") + field + "' must be a positive integer, got " +
                                   v->dump());
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<int64_t> fixedSeconds(aslrt_frame* f, const Json& seconds, const char* field, bool* failed) {
  if (seconds.is_string() && jsonataExpressionText(seconds.get<std::string>()))
    return secondsFromJsonata(f, seconds.get<std::string>(), field, failed);
  if (!seconds.is_number() || seconds.get<double>() <= 0) return std::nullopt;
  return static_cast<int64_t>(seconds.get<double>());
}

struct Reply {
  enum Kind { Succeeded, Failed, TimedOut, Aborted } kind = TimedOut;
  Json output;
  Failure failure;
};

// The wait shared by callbacks and activities. `heartbeatFromStart`: a
// callback's heartbeat clock starts now; an activity's when a worker takes it.
// A wait in a cancelled fiber (a sibling branch or iteration failed, the
// execution timed out or was aborted) ends at once, Aborted: the token is
// closed (a late SendTaskSuccess gets TaskTimedOut, as for any closed token)
// and nothing is recorded for it -- AWS shows no Task event for a task in an
// aborted branch, only the Parallel/Map outcome (MapIterationAborted for
// Map iterations).
Reply waitForReply(aslrt_frame* f, const std::string& token, uint64_t key, const TaskTimers& timers,
                   bool heartbeatFromStart, const std::function<void(const std::string&)>& onWorker) {
  Scheduler& sched = f->exec->scheduler;
  CallbackRegistry& registry = CallbackRegistry::instance();
  std::optional<int64_t> total = timers.deadline(), beat;
  auto heartbeatFromNow = [&] {
    if (timers.heartbeatSeconds) beat = afterSeconds(sched.clock().nowMicros(), static_cast<double>(*timers.heartbeatSeconds));
  };
  if (heartbeatFromStart) heartbeatFromNow();
  for (;;) {
    if (sched.cancelRequested()) {
      registry.close(token);
      return {Reply::Aborted, nullptr, {}};
    }
    TaskInbox in = registry.take(token);
    if (in.worker) {
      onWorker(*in.worker);
      heartbeatFromNow();
    }
    if (in.heartbeats > 0) heartbeatFromNow();
    if (in.replied) {
      registry.close(token);
      return {in.succeeded ? Reply::Succeeded : Reply::Failed, std::move(in.output), std::move(in.failure)};
    }
    int64_t now = sched.clock().nowMicros();
    bool expired = (total && now >= *total) || (beat && now >= *beat);
    if (expired) {
      if (registry.close(token, /*unlessReplied=*/true)) return {};
      continue;  // something came in just now: look at it first
    }
    std::optional<int64_t> until = total;
    if (beat) until = until ? std::min(*until, *beat) : *beat;
    sched.parkFor(key, until ? &*until : nullptr);
  }
}

}  // namespace

std::optional<TaskTimers> evaluateTaskTimers(aslrt_frame* f, const TaskInfo& task) {
  TaskTimers t;
  t.scheduledMicros = f->exec->scheduler.clock().nowMicros();
  bool failed = false;
  t.timeoutSeconds = task.timeoutSecondsPath ? secondsFromPath(f, *task.timeoutSecondsPath, "TimeoutSecondsPath", &failed)
                                             : fixedSeconds(f, task.timeoutSeconds, "TimeoutSeconds", &failed);
  if (failed) return std::nullopt;
  t.heartbeatSeconds = task.heartbeatSecondsPath
                           ? secondsFromPath(f, *task.heartbeatSecondsPath, "HeartbeatSecondsPath", &failed)
                           : fixedSeconds(f, task.heartbeatSeconds, "HeartbeatSeconds", &failed);
  if (failed) return std::nullopt;
  return t;
}

bool waitsForTaskToken(const std::string& resource) {
  const std::string suffix = ".waitForTaskToken";
  return resource.size() > suffix.size() && resource.compare(resource.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isActivityResource(const std::string& resource) {
  return resource.rfind("arn:", 0) == 0 && resource.find(":states:") != std::string::npos &&
         resource.find(":activity:") != std::string::npos;
}

uint64_t openCallback(aslrt_frame* f, const std::string& token) {
  Scheduler& sched = f->exec->scheduler;
  uint64_t key = sched.newWaitKey();
  CallbackRegistry::instance().openCallback(token, &sched, key, &sched);
  return key;
}

void cancelCallback(const std::string& token) { CallbackRegistry::instance().close(token); }

TaskOutcome awaitCallback(aslrt_frame* f, const std::string& token, uint64_t key, const TaskTimers& timers) {
  Reply r = waitForReply(f, token, key, timers, true, [](const std::string&) {});
  if (r.kind == Reply::Aborted) return {false, nullptr, {}, true};
  if (r.kind == Reply::Succeeded) return {true, std::move(r.output), {}};
  if (r.kind == Reply::Failed) return {false, nullptr, std::move(r.failure)};
  return {false, nullptr, taskTimedOut()};
}

int32_t runActivity(aslrt_frame* f, uint32_t dst, const std::string& activityArn, const Json& input,
                    const TaskTimers& timers) {
  Execution& exec = *f->exec;
  Scheduler& sched = exec.scheduler;
  bool withHistory = !exec.options.historyPath.empty();
  const std::string& token = f->taskToken();
  uint64_t key = sched.newWaitKey();
  CallbackRegistry::instance().openActivity(token, &sched, key, &sched, activityArn, input.dump());
  auto started = [&](const std::string& worker) {
    Json details = Json::object();
    if (!worker.empty()) details["workerName"] = worker;
    exec.record("ActivityStarted", exec.lastEventId(), withHistory ? Json{{"activityStartedEventDetails", details}} : Json());
  };
  Reply r = waitForReply(f, token, key, timers, false, started);
  if (r.kind == Reply::Aborted) return f->abandon();
  if (r.kind == Reply::Succeeded) {
    Json details = {{"output", r.output.dump()}, {"outputDetails", {{"truncated", false}}}};
    exec.record("ActivitySucceeded", exec.lastEventId(), withHistory ? Json{{"activitySucceededEventDetails", details}} : Json());
    f->slots[dst] = std::move(r.output);
    return ASLRT_OK;
  }
  if (r.kind == Reply::TimedOut) r.failure = taskTimedOut();
  Json details = Json::object();
  if (!r.failure.error.empty()) details["error"] = r.failure.error;
  if (r.failure.cause) details["cause"] = *r.failure.cause;
  bool timedOut = r.kind == Reply::TimedOut;
  exec.record(timedOut ? "ActivityTimedOut" : "ActivityFailed", exec.lastEventId(),
              withHistory ? Json{{timedOut ? "activityTimedOutEventDetails" : "activityFailedEventDetails", details}}
                          : Json());
  f->failure = std::move(r.failure);
  return ASLRT_FAILED;
}

}  // namespace aslrt
