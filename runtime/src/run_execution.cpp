#include "run_execution.h"

#include "callback_registry.h"
#include "http_client.h"

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

}  // namespace

ExecutionResult runExecution(const Program& program, const RunOptions& options, const MockConfig* mocks,
                             const Json& input) {
  Clock clock(options.virtualClock, options.startMicros ? *options.startMicros : -1);
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
  int32_t status = ASLRT_FAILED;
  bool finished = false;
  scheduler.spawn([&] {
    status = root.machine->entry(&root);
    finished = true;
  });
  bool timedOut = false;
  if (program.info.contains("TimeoutSeconds")) {
    // The machine's TimeoutSeconds: a watchdog that ends the run (TIMED_OUT).
    int64_t deadline = exec.startMicros + program.info["TimeoutSeconds"].get<int64_t>() * 1000000;
    scheduler.spawnDaemon([&] {
      scheduler.sleepUntil(deadline);
      if (finished) return;
      timedOut = true;
      scheduler.stop();
    });
  }
  scheduler.run();
  if (timedOut) httpAbandon(scheduler);  // its fibers' requests will never be read
  // Tokens still waiting (the machine timed out) are over: late replies get TaskTimedOut.
  CallbackRegistry::instance().closeOwner(&scheduler);

  ExecutionResult result;
  if (timedOut) {
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
                  {{"executionSucceededEventDetails", {{"output", result.output.dump()}}}});
  } else {
    result.failure = root.failure;
    exec.record("ExecutionFailed", exec.lastEventId(), failedDetails(result.failure));
  }
  result.history = exec.history();
  return result;
}

}  // namespace aslrt
