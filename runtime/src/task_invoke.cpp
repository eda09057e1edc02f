#include "task_invoke.h"

#include "task_command.h"
#include "task_http_binding.h"
#include "task_lambda.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

TaskOutcome succeeded(Json value) { return {true, std::move(value), {}}; }
TaskOutcome failed(Failure f) { return {false, nullptr, std::move(f)}; }

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string commandName(const TaskCall& call) {
  return "the command '" + call.binding->command.argv[0] + "' of state '" + std::string(call.context.stateName) + "'";
}

// A non-zero exit: a Lambda-style {"errorType","errorMessage"} body on stdout
// wins; otherwise what the command said on stderr (or stdout).
TaskOutcome commandFailure(const TaskCall& call, const CommandResult& r) {
  if (std::optional<Failure> f = lambdaStyleError(r.out)) return failed(*f);
  if (call.lambda) return failed(lambdaFailure(r.out));
  std::string said = trimmed(r.errTail).empty() ? trimmed(r.out) : trimmed(r.errTail);
  std::string how = r.signal ? "was killed by signal " + std::to_string(r.signal)
                             : "exited with status " + std::to_string(r.exitStatus);
  return failed({"States.TaskFailed", said.empty() ? commandName(call) + " " + how : said});
}

TaskOutcome commandOutcome(const TaskCall& call, const CommandResult& r) {
  if (!r.spawnError.empty())
    return failed({"States.TaskFailed", "cannot run " + commandName(call) + ": " + r.spawnError});
  if (r.timedOut) return failed(taskTimedOut());
  if (r.exitStatus != 0) return commandFailure(call, r);
  std::string text = trimmed(r.out);
  if (text.empty()) return succeeded(nullptr);  // like a function that returns nothing
  Json value = aslrt::parseJson(text);
  if (value.is_discarded())
    return failed({"States.TaskFailed", commandName(call) + " printed output that " + aslrt::whyNotJson(text) + ": " +
                                                text.substr(0, 200)});
  return succeeded(std::move(value));
}

TaskOutcome nativeOutcome(const TaskCall& call) {
  try {
    NativeOutcome n = callNativeHandler(call.context, *call.input);
    return n.ok ? succeeded(std::move(n.value)) : failed(std::move(n.failure));
  } catch (const std::exception& e) {
    return failed({"States.TaskFailed", std::string("internal error running the task: ") + e.what()});
  }
}

TaskOutcome runOffFiber(const TaskCall& call, Scheduler& scheduler) {
  TaskOutcome out;
  CommandControl control;
  // A cancelled branch kills its command; a native handler runs to its end.
  std::function<void()> onCancel;
  if (call.binding->kind == BindingKind::Command) onCancel = [&control] { control.cancel(); };
  // Nothing thrown inside `work` may leave the worker thread.
  scheduler.runOnWorkerThread([&]() noexcept {
    if (call.binding->kind == BindingKind::Native) {
      out = nativeOutcome(call);
      return;
    }
    try {
      out = commandOutcome(call, runCommand(call.binding->command, call.input->dump(), call.timeoutMicros, &control));
    } catch (const std::exception& e) {
      out = failed({"States.TaskFailed", std::string("internal error running the task: ") + e.what()});
    }
  }, std::move(onCancel));
  return out;
}

// "thread": "inline": on the calling fiber, so no hand-off to another thread;
// the handler promised not to block (docs/BINDINGS.md).
TaskOutcome runInline(const TaskCall& call) { return nativeOutcome(call); }

}  // namespace

TaskOutcome invokeBinding(const TaskCall& call, Scheduler& scheduler) {
  switch (call.binding->kind) {
    case BindingKind::Identity:
      return succeeded(*call.input);
    case BindingKind::Value:
      return succeeded(call.binding->value);
    case BindingKind::Fail:
      return failed(call.binding->failure);
    case BindingKind::Native:
      if (call.binding->thread == HandlerThread::Inline) return runInline(call);
      return runOffFiber(call, scheduler);
    case BindingKind::Command:
      return runOffFiber(call, scheduler);
    case BindingKind::StateMachine:  // startExecution tasks go to task_nested.h
      return failed({"States.TaskFailed", call.binding->describe() + " binds a state machine, which answers only "
                                          "arn:aws:states:::states:startExecution tasks, not state '" +
                                          std::string(call.context.stateName) + "'"});
    case BindingKind::Http:
      return invokeHttpBinding(call, scheduler);  // on the HTTP thread, not a worker
  }
  return failed({"States.TaskFailed", "unknown binding kind"});
}

}  // namespace aslrt
