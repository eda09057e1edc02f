#include "run_execution.h"

namespace aslrt {
namespace {

Json startedDetails(const Json& input) {
  return {{"executionStartedEventDetails",
           {{"input", input.dump()},
            {"inputDetails", {{"truncated", false}}},
            {"roleArn", "arn:aws:iam::123456789012:role/StepFunctionsRole"}}}};
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
  exec.record("ExecutionStarted", 0, startedDetails(input));

  aslrt_frame root;
  root.exec = &exec;
  root.machine = &program.machines[0];
  root.input = input;
  int32_t status = ASLRT_FAILED;
  scheduler.spawn([&] { status = root.machine->entry(&root); });
  scheduler.run();

  ExecutionResult result;
  if (exec.unsupported) {
    result.outcome = Outcome::Unsupported;
    result.failure = {"States.Runtime", *exec.unsupported};
  } else if (status == ASLRT_OK) {
    result.outcome = Outcome::Succeeded;
    result.output = std::move(root.output);
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
