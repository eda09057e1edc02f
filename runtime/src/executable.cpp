// The host of a program (aslrt/executable.h): flags, input, one or more
// executions, output and exit status. main() of every compiled executable and
// `aslc run --interpret` both call it.
#include "aslrt/executable.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>

#include "abort_signal.h"
#include "callback_registry.h"
#include "callback_server.h"
#include "callback_task.h"
#include "nested_machines.h"
#include "run_execution.h"
#include "quotas.h"
#include "run_flags.h"
#include "task_bindings.h"
#include "task_native.h"
#include "json_file.h"
#include "uncaught_exception.h"

namespace aslrt {
namespace {

enum ExitCode { kSucceeded = 0, kFailed = 1, kUsage = 2, kUnsupported = 3, kAborted = 5 };

// The execution input and its size, measured once: every execution of
// --repeat starts from it, and the first payload check would otherwise walk it.
bool readInput(const std::string& path, Json* input, SizeBound* size, std::string* error) {
  if (path.empty()) {
    *input = Json::object();
    *size = sizeOf(*input);
    return true;
  }
  std::optional<Json> doc = readJsonFile(path, "input", error);
  if (!doc) return false;
  *size = sizeOf(*doc);
  // StartExecution refuses an input over the payload quota: the execution
  // never starts (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
  if (size->bytes > kMaxPayloadBytes) {
    *error = "the input is " + std::to_string(size->bytes) +
             " bytes of JSON (compact); AWS starts no execution with an input over " +
             std::to_string(kMaxPayloadBytes) + " bytes";
    return false;
  }
  *input = std::move(*doc);
  return true;
}

void writeHistory(const std::string& path, const std::vector<Json>& events) {
  std::ofstream out(path);
  out << Json({{"events", events}}).dump(2) << "\n";
  if (!out) std::cerr << "error: cannot write history to '" << path << "'\n";
}

int report(const ExecutionResult& r) {
  if (r.outcome == Outcome::Unsupported) {
    std::cerr << "error: " << *r.failure.cause << "\n";
    return kUnsupported;
  }
  if (r.outcome == Outcome::Succeeded) {
    std::cout << r.output.dump() << "\n";
    return kSucceeded;
  }
  Json out = Json::object();
  if (!r.failure.error.empty()) out["Error"] = r.failure.error;
  if (r.failure.cause) out["Cause"] = *r.failure.cause;
  std::cout << out.dump() << "\n";
  return r.outcome == Outcome::Aborted ? kAborted : kFailed;
}

long minorFaults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

ExecutionResult runRepeated(const Program& program, const ExecutableFlags& flags, const MockConfig* mocks,
                            const Json& input, SizeBound inputSize) {
  std::vector<double> micros;
  ExecutionResult result;
  long faultsBefore = minorFaults();
  int64_t promotedStates = 0;
  std::chrono::steady_clock::now();  // the first call maps the vDSO's data pages: not the execution's cost
  for (long long i = 0; i < flags.repeat; ++i) {
    // Each timed execution runs from its input to its output, which belongs
    // to the caller: the previous output is freed before the clock starts,
    // so the first execution and the others measure the same work.
    result = ExecutionResult();
    auto start = std::chrono::steady_clock::now();
    result = runExecution(program, flags.run, mocks, input, inputSize);
    releaseHandlerSlots();  // the execution has ended: native handlers' slots go
    auto end = std::chrono::steady_clock::now();
    promotedStates += result.promotedStates;
    micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    if (result.outcome == Outcome::Aborted) break;
  }
  if (flags.bench) {
    // first_us: the cold first execution; minor_faults: pages first touched
    // in all the timed executions (each costs a trap into the kernel).
    double firstMicros = micros.front();
    std::sort(micros.begin(), micros.end());
    std::cerr << "bench: median_us=" << micros[micros.size() / 2] << " runs=" << flags.repeat
              << " min_us=" << micros.front() << " max_us=" << micros.back()
              << " first_us=" << firstMicros << " minor_faults=" << minorFaults() - faultsBefore
              << " promoted_states=" << promotedStates << "\n";
  }
  return result;
}

// --bindings FILE, else what `aslc build --bindings` baked in; checked here
// so a bad file or a missing native handler stops the run before it starts.
bool installBindings(const ExecutableFlags& flags, const Program& program, std::string* error) {
  std::optional<TaskBindings> bindings;
  if (!flags.bindingsPath.empty())
    bindings = TaskBindings::loadFile(flags.bindingsPath, error);
  else if (program.info.is_object() && program.info.contains("bindings"))
    bindings = TaskBindings::parse(program.info["bindings"], ".", "baked into the executable", error);
  else
    return true;
  if (!bindings) return false;
  TaskBindings::setActive(std::make_shared<const TaskBindings>(std::move(*bindings)));
  return true;
}

// The callback socket: when asked for, or when the machine has a callback or
// an activity task (a mock or binding may still answer it at run time). Set
// in the environment before any thread starts, so bound commands inherit it.
// Whether a program's tasks wait for callbacks or activities (declaring the
// activities, which exist before any task is scheduled, as on AWS).
bool declaresCallbacks(const Program& program) {
  bool waits = false;
  for (const TaskInfo& task : program.tasks) {
    if (isActivityResource(task.resource)) CallbackRegistry::instance().declareActivity(task.resource);
    waits = waits || isActivityResource(task.resource) || waitsForTaskToken(task.resource);
  }
  return waits;
}

bool startCallbackServer(const ExecutableFlags& flags, const Program& program, std::string* error) {
  bool waits = declaresCallbacks(program);
  // Nested machines' callbacks and activities are answered through the same
  // socket (their children run in this process).
  for (const std::string& definition : nestedMachineDefinitions()) {
    std::string loadError;
    if (const Program* nested = nestedProgram(findNestedMachine(definition), &loadError))
      waits = declaresCallbacks(*nested) || waits;
  }
  if (!waits && flags.callbackSocket.empty()) return true;
  if (!CallbackServer::start(flags.callbackSocket, error)) return false;
  ::setenv(kCallbackSocketEnv, CallbackServer::path().c_str(), 1);
  return true;
}

}  // namespace

int runExecutable(const aslrt_program& compiled, int argc, char** argv, const HostOptions& host) {
  installAbortSignals();  // first: every thread started later inherits the signal mask
  reportUncaughtExceptionsAsFailures();
  std::ios::sync_with_stdio(false);
  ExecutableFlags flags;
  std::string error;
  if (!parseExecutableFlags(argc, argv, flags, &error)) {
    std::cerr << "error: " << error << "\n";
    return kUsage;
  }
  if (flags.help) {
    std::cout << kExecutableHelp;
    return kSucceeded;
  }
  Program program;
  if (!loadProgram(compiled, program, &error)) {
    std::cerr << "internal error: " << error << "\n";
    return kUsage;
  }
  if (std::optional<std::string> why = typeRestriction(program, flags.run.workflowType)) {
    std::cerr << "error: " << *why << "\n";
    return kUsage;
  }
  Json input;
  SizeBound inputSize;
  if (!readInput(flags.inputPath, &input, &inputSize, &error)) {
    std::cerr << "error: " << error << "\n";
    return kUsage;
  }
  std::optional<MockConfig> mocks;
  if (!flags.run.mockConfigPath.empty()) {
    mocks = MockConfig::load(flags.run.mockConfigPath, flags.run.stateMachine, flags.run.testCase, &error);
    if (!mocks) {
      std::cerr << "error: " << error << "\n";
      return kUsage;
    }
  }
  ObjectStore objects;
  if (!flags.run.resourcesPath.empty() && !objects.loadFixture(flags.run.resourcesPath, &error)) {
    std::cerr << "error: " << error << "\n";
    return kUsage;
  }
  objects.setRoot(flags.run.s3Root);
  if (!flags.run.historyPath.empty() && !std::ofstream(flags.run.historyPath, std::ios::app)) {
    // Found before the execution runs, not after it (its history would be lost).
    std::cerr << "error: cannot write history to '" << flags.run.historyPath << "'\n";
    return kUsage;
  }
  setNativeHandlersUnavailable(host.nativeHandlersUnavailable);
  for (const auto& [definition, nested] : host.nestedMachines) addNestedMachine(definition, nested);
  flags.run.objects = &objects;
  if (!installBindings(flags, program, &error)) {
    std::cerr << "error: " << error << "\n";
    return kUsage;
  }
  if (!startCallbackServer(flags, program, &error)) {
    std::cerr << "error: " << error << "\n";
    return kUsage;
  }
  ExecutionResult result = runRepeated(program, flags, mocks ? &*mocks : nullptr, input, inputSize);
  CallbackServer::stop();
  if (!flags.run.historyPath.empty()) writeHistory(flags.run.historyPath, result.history);
  return report(result);
}

uint32_t frameMachine(const aslrt_frame* frame) {
  return static_cast<uint32_t>(frame->machine - frame->exec->program.machines.data());
}

const aslrt_program* frameProgram(const aslrt_frame* frame) { return frame->exec->program.compiled; }

}  // namespace aslrt
