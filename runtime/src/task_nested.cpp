#include "task_nested.h"

#include <memory>

#include "aslrt/timestamp.h"
#include "nested_machines.h"
#include "sdk_response.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

enum class Pattern { RequestResponse, Sync, Sync2, Callback };

Pattern patternOf(const std::string& resource) {
  if (resource.size() >= 7 && resource.compare(resource.size() - 7, 7, ".sync:2") == 0) return Pattern::Sync2;
  if (resource.size() >= 5 && resource.compare(resource.size() - 5, 5, ".sync") == 0) return Pattern::Sync;
  if (resource.find(".waitForTaskToken") != std::string::npos) return Pattern::Callback;
  return Pattern::RequestResponse;
}

TaskOutcome failed(std::string error, std::string cause) { return {false, nullptr, {std::move(error), std::move(cause)}}; }

// One child execution, kept alive by whichever fiber runs it.
struct ChildRun {
  RunOptions options;
  Json input;  // owned here: Execution borrows it
  std::unique_ptr<Execution> exec;
  aslrt_frame root;
  int32_t status = ASLRT_FAILED;
  std::string stateMachineArn;
  int64_t stopMicros = 0;

  void run() {
    status = root.machine->entry(&root);
    stopMicros = exec->scheduler.clock().nowMicros();
  }
};

std::string stringParameter(const Json& parameters, const char* key) {
  if (!parameters.is_object() || !parameters.contains(key) || !parameters[key].is_string()) return "";
  return parameters[key].get<std::string>();
}

// "arn:aws:states:r:a:stateMachine:Name[:version-or-alias]" -> "Name".
std::string machineNameOf(const std::string& arn) {
  size_t at = arn.find(":stateMachine:");
  if (at == std::string::npos) return "StateMachine";
  std::string rest = arn.substr(at + 14);
  return rest.substr(0, rest.find(':'));
}

// "arn:aws:states:REGION:ACCOUNT:" of the machine's ARN, so the child's
// execution ARN names the same region and account; empty keeps the default.
std::string arnPrefixOf(const std::string& arn) {
  size_t at = arn.find(":stateMachine:");
  return at == std::string::npos || arn.rfind("arn:", 0) != 0 ? "" : arn.substr(0, at + 1);
}

// Input is JSON text when it is a string (as StartExecution takes it), else the value itself.
bool childInput(const Json& parameters, Json* input, std::string* problem) {
  if (!parameters.is_object() || !parameters.contains("Input")) {
    *input = Json::object();
    return true;
  }
  const Json& given = parameters["Input"];
  if (given.is_null()) {  // recorded: "Input": null starts the child with {} (callback.start_execution_sync)
    *input = Json::object();
    return true;
  }
  if (!given.is_string()) {
    *input = given;
    return true;
  }
  *input = aslrt::parseJson(given.get<std::string>());
  if (!input->is_discarded()) return true;
  *problem = "Invalid State Machine Execution Input: '" + given.get<std::string>() + "'";
  return false;
}

std::shared_ptr<ChildRun> prepareChild(const Program& program, const Json& parameters, Json input,
                                       Execution& parent) {
  auto child = std::make_shared<ChildRun>();
  child->options = parent.options;
  child->options.historyPath.clear();  // --history is the top-level execution's
  child->options.mockConfigPath.clear();
  child->options.seeded = true;         // reproducible under --seed, distinct from the parent
  child->options.seed = parent.rng();
  child->options.startMicros = parent.scheduler.clock().nowMicros();
  child->stateMachineArn = stringParameter(parameters, "StateMachineArn");
  child->options.stateMachineName = machineNameOf(child->stateMachineArn);
  std::string name = stringParameter(parameters, "Name");
  child->options.executionName = name.empty() ? randomRequestId(parent.rng) : name;
  child->options.arnPrefix = arnPrefixOf(child->stateMachineArn);
  child->input = std::move(input);
  child->exec = std::make_unique<Execution>(program, parent.scheduler, child->options, child->input);
  child->exec->objects = parent.objects;
  if (child->stateMachineArn.empty())
    child->stateMachineArn = child->exec->contextBase(false)["StateMachine"]["Id"].get<std::string>();
  child->root.exec = child->exec.get();
  child->root.machine = &program.machines[0];
  child->root.input = child->exec->input;
  return child;
}

// AWS's SDK integrations give dates as epoch milliseconds.
int64_t epochMillis(int64_t micros) { return micros / 1000; }

// DescribeExecution's fields for a finished child; .sync:2 keeps Input and
// Output as JSON, .sync as JSON text.
Json describe(const ChildRun& c, bool json) {
  const Execution& e = *c.exec;
  Json d = {{"ExecutionArn", e.executionArn()},
            {"Input", json ? e.input : Json(e.input.dump())},
            {"InputDetails", {{"Included", true}}},
            {"Name", c.options.executionName},
            {"StartDate", epochMillis(e.startMicros)},
            {"StateMachineArn", c.stateMachineArn},
            {"StopDate", epochMillis(c.stopMicros)}};
  if (c.status == ASLRT_OK) {
    d["Status"] = "SUCCEEDED";
    d["Output"] = json ? c.root.output : Json(c.root.output.dump());
    d["OutputDetails"] = {{"Included", true}};
    d["RedriveCount"] = 0;
    d["RedriveStatus"] = "NOT_REDRIVABLE";
    d["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
  } else {
    d["Status"] = "FAILED";
    if (!c.root.failure.error.empty()) d["Error"] = c.root.failure.error;
    // An empty cause is left out (recorded: a child that timed out,
    // callback.start_execution_sync_delegate_timeout).
    if (c.root.failure.cause && !c.root.failure.cause->empty()) d["Cause"] = *c.root.failure.cause;
  }
  return sortedByKey(std::move(d));
}

// A failed child fails the task with States.TaskFailed and the description
// as the cause (see the callback.start_execution_sync_delegate_* recordings).
TaskOutcome syncOutcome(const ChildRun& c, bool json) {
  Json d = describe(c, json);
  if (c.status == ASLRT_OK) return {true, std::move(d), {}};
  // A cause is at most 32,768 characters (TaskFailedEventDetails): each
  // level of failed children quotes the one below, escaped, and would
  // otherwise double in length per level.
  constexpr size_t kMaxCause = 32768;
  std::string cause = d.dump();
  if (cause.size() > kMaxCause) {
    size_t cut = kMaxCause;
    while (cut > 0 && (static_cast<unsigned char>(cause[cut]) & 0xC0) == 0x80) --cut;  // a whole character
    cause.resize(cut);
  }
  return failed("States.TaskFailed", std::move(cause));
}

Json startResponse(const ChildRun& c, std::mt19937_64& rng) {
  Json response = {{"ExecutionArn", c.exec->executionArn()}, {"StartDate", epochMillis(c.exec->startMicros)}};
  Json headers = {{"Content-Type", "application/x-amz-json-1.0"},
                  {"Content-Length", std::to_string(response.dump().size())},
                  {"connection", "keep-alive"},
                  {"Date", formatTimestamp(c.exec->startMicros)}};
  addSdkMetadata(response, headers, randomRequestId(rng));
  return response;
}

}  // namespace

bool isStartExecution(const std::string& resource) {
  return resource.rfind("arn:aws:states:::states:startExecution", 0) == 0;
}

TaskOutcome startNestedExecution(const Binding& binding, const std::string& resource, const Json& parameters,
                                 Execution& parent) {
  std::string error;
  const Program* program = nestedProgram(binding.nested, &error);
  if (!program) return failed("States.Runtime", "internal error loading the nested state machine '" +
                                                    binding.definition + "': " + error);
  // A .sync child runs on its parent's fiber stack: a machine starting
  // itself without end would overflow it (about 600 levels did) instead of
  // failing. AWS runs each child apart; aslc stops at this depth.
  constexpr int kMaxNestedDepth = 100;
  if (parent.nestedDepth >= kMaxNestedDepth)
    return failed("StepFunctions.ExecutionLimitExceeded",
                  "aslc runs nested executions at most " + std::to_string(kMaxNestedDepth) +
                      " deep (each runs on its parent's stack)");
  Json input;
  if (!childInput(parameters, &input, &error)) return failed("StepFunctions.InvalidExecutionInputException", error);
  std::shared_ptr<ChildRun> child = prepareChild(*program, parameters, std::move(input), parent);
  child->exec->nestedDepth = parent.nestedDepth + 1;
  Pattern pattern = patternOf(resource);
  if (pattern == Pattern::Sync || pattern == Pattern::Sync2) {
    child->run();  // on this fiber: the parent task waits for it anyway
    if (child->exec->unsupported) parent.unsupported = child->exec->unsupported;
    return syncOutcome(*child, pattern == Pattern::Sync2);
  }
  // Request-response (and the start of a callback): the child runs on while
  // the parent moves on; the process waits for it before exiting.
  parent.scheduler.spawn([child, &parent] {
    child->run();
    if (child->exec->unsupported) parent.unsupported = child->exec->unsupported;
  });
  return {true, startResponse(*child, parent.rng), {}};
}

}  // namespace aslrt
