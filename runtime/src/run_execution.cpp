#include "run_execution.h"

#include <signal.h>

#include "abort_signal.h"
#include "callback_registry.h"
#include "quotas.h"

namespace aslrt {
namespace {

Json startedDetails(const Json& input) {
  return {{"executionStartedEventDetails",
           {{"input", input.dump()},
            {"inputDetails", {{"truncated", false}}},
            {"roleArn", "arn:aws:iam::000000000000:role/StepFunctionsRole"}}}};
}

Json failedDetails(const Failure& failure) {
  Json d = Json::object();
  if (!failure.error.empty()) d["error"] = failure.error;
  if (failure.cause) d["cause"] = *failure.cause;
  return {{"executionFailedEventDetails", d}};
}

// As StopExecution(error, cause) would record it: the signal is the error.
Failure abortFailure(int signal) {
  std::string name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal " + std::to_string(signal);
  return {name, "The execution was aborted by " + name + "."};
}

}  // namespace

ExecutionResult runExecution(const Program& program, const RunOptions& options, const MockConfig* mocks,
                             const Json& input, SizeBound inputSize) {
  Clock clock(options.virtualClock, options.startMicros);
  Scheduler scheduler(clock);
  Execution exec(program, scheduler, options, input);
  exec.mocks = mocks;
  exec.objects = options.objects;
  if (exec.keepsHistory()) exec.record("ExecutionStarted", 0, startedDetails(input));
  else exec.countEvent();

  aslrt_frame root;
  root.exec = &exec;
  root.machine = &program.machines[0];
  root.input = input;
  root.handoffSize = inputSize;  // the first state's input size (enter_state takes it over)
  int32_t status = ASLRT_FAILED;
  bool finished = false;
  // Every fiber of the execution is in `everything`: a time-out or an abort
  // cancels it, so waits end, commands are killed and the machine unwinds.
  CancelScope everything;
  scheduler.spawn(
      [&] {
        status = root.machine->entry(&root);
        finished = true;
      },
      &everything);
  Quotas quotas = quotasFor(options.workflowType);
  exec.root = &everything;
  exec.maxEvents = quotas.maxEvents;
  bool timedOut = false;
  std::optional<int64_t> deadline;
  // The machine's TimeoutSeconds and the type's duration quota: a watchdog daemon (TIMED_OUT).
  if (program.info.contains("TimeoutSeconds"))
    deadline = afterSeconds(exec.startMicros, program.info["TimeoutSeconds"].get<double>());
  if (quotas.maxDurationMicros && (!deadline || *deadline > exec.startMicros + quotas.maxDurationMicros))
    deadline = exec.startMicros + quotas.maxDurationMicros;
  if (deadline) {
    scheduler.spawnDaemon([&, deadline = *deadline] {
      if (!scheduler.sleepUntil(deadline) || finished) return;
      timedOut = true;
      scheduler.cancel(everything);
    });
  }
  int aborted = 0;
  {
    AbortTarget abort(scheduler, [&] {
      if (finished || timedOut) return;
      aborted = abortSignal();
      scheduler.cancel(everything);
    });
    scheduler.run();
  }
  // Tokens still waiting (the machine timed out) are over: late replies get TaskTimedOut.
  CallbackRegistry::instance().closeOwner(&scheduler);

  ExecutionResult result;
  if (aborted) {
    result.outcome = Outcome::Aborted;
    result.failure = abortFailure(aborted);
    exec.record("ExecutionAborted", exec.lastEventId(),
                {{"executionAbortedEventDetails", {{"error", result.failure.error}, {"cause", *result.failure.cause}}}});
  } else if (exec.eventQuotaReached) {
    // AWS: "If the execution history reaches this quota, the execution fails" (service quotas;
    // bp-history-limit.html: ExecutionFailed is event 25,000). Neither page names the error:
    // States.Runtime stands in until a recorded history shows AWS's.
    result.failure = {"States.Runtime", "The execution history reached the quota of " +
                                            std::to_string(quotas.maxEvents) + " events (--type STANDARD)."};
    exec.record("ExecutionFailed", exec.lastEventId(), failedDetails(result.failure));
  } else if (timedOut) {
    result.outcome = Outcome::TimedOut;
    result.failure = {"States.Timeout", std::nullopt};
    exec.record("ExecutionTimedOut", exec.lastEventId(), {{"executionTimedOutEventDetails", {{"error", "States.Timeout"}}}});
  } else if (exec.unsupported) {
    result.outcome = Outcome::Unsupported;
    result.failure = {"States.Runtime", *exec.unsupported};
  } else if (status == ASLRT_OK) {
    result.outcome = Outcome::Succeeded;
    result.output = std::move(root.output);
    if (exec.keepsHistory())
      exec.record("ExecutionSucceeded", exec.lastEventId(),
                  {{"executionSucceededEventDetails",
                    {{"output", result.output.dump()}, {"outputDetails", {{"truncated", false}}}}}});
  } else {
    result.failure = root.failure;
    exec.record("ExecutionFailed", exec.lastEventId(), failedDetails(result.failure));
  }
  result.history = exec.history();
  result.promotedStates = exec.promotedStates;
  return result;
}

}  // namespace aslrt
