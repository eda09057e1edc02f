#include "run_flags.h"

#include "aslrt/cli_args.h"
#include "aslrt/timestamp.h"

namespace aslrt {

const char* const kExecutableHelp =
    "usage: EXE [options]\n"
    "Runs the compiled state machine once and prints its output JSON.\n"
    "Exit status: 0 succeeded, 1 failed or timed out ({\"Error\",\"Cause\"} on stdout),\n"
    "2 bad usage or input, 3 a feature not implemented yet, 5 aborted (SIGINT/SIGTERM).\n\n"
    "  --input FILE|-            execution input (default {})\n"
    "  --clock=real|virtual      virtual: waits and back-off complete at once (default real)\n"
    "  --seed N                  seed for UUIDs, States.MathRandom and retry jitter\n"
    "  --history FILE            write the execution history (GetExecutionHistory shape)\n"
    "  --execution-name NAME     $$.Execution.Name (default 'execution')\n"
    "  --state-machine-name NAME $$.StateMachine.Name (default 'StateMachine')\n"
    "  --start-time TIMESTAMP    $$.Execution.StartTime, RFC 3339 (default now)\n"
    "  --resources FILE          S3 objects for ItemReader: {\"S3\": [{\"Bucket\",\"Key\",\"Body\"}]}\n"
    "  --s3-root DIR             S3 objects for ItemReader from DIR/<bucket>/<key>\n"
    "  --mock-config FILE --test-case NAME [--state-machine NAME]\n"
    "                            answer Task states from a Step Functions Local MockConfigFile\n"
    "  --bindings FILE           bind Task resources to commands and native handlers (docs/BINDINGS.md);\n"
    "                            replaces the bindings baked in by 'aslc build --bindings'; mocks win\n"
    "  --callback-socket PATH    listen there for SendTaskSuccess/Failure/Heartbeat and GetActivityTask\n"
    "                            (default: a private socket, made only when the machine has callbacks or\n"
    "                            activities); its path is in $ASLC_CALLBACK_SOCKET for bound commands\n"
    "  --type STANDARD|EXPRESS   enforce that workflow type's quotas and restrictions (default: none;\n"
    "                            STANDARD: 25,000 history events, one year; EXPRESS: five minutes,\n"
    "                            no .sync/.waitForTaskToken/activities); the 256 KiB payload limit always applies\n"
    "  --inline-map-max-concurrency N\n"
    "                            bound an inline Map whose MaxConcurrency is 0 (unbounded, as the ASL\n"
    "                            spec says) to N iterations in flight; 40 emulates AWS\n"
    "  --repeat N --bench        run N executions in-process; print 'bench: median_us=... runs=N ...' on\n"
    "                            stderr (also the first execution's time, page faults taken, and how\n"
    "                            many states promoted loops ran)\n"
    "  --help                    this text\n";

namespace {

bool numberFlag(CliArgs& args, const std::string& name, long long* out, bool* matched, std::string* error) {
  std::optional<std::string> v = args.option(name, error);
  if (!v) return error->empty();
  *matched = true;
  std::optional<long long> n = parseInteger(*v);
  if (!n) {
    *error = "option '" + name + "' needs a non-negative integer, got '" + *v + "'";
    return false;
  }
  *out = *n;
  return true;
}

bool stringFlag(CliArgs& args, const std::string& name, std::string* out, bool* matched, std::string* error) {
  std::optional<std::string> v = args.option(name, error);
  if (!v) return error->empty();
  *matched = true;
  *out = *v;
  return true;
}

bool clockFlag(const std::string& value, RunOptions& run, std::string* error) {
  if (value != "real" && value != "virtual") {
    *error = "option '--clock' takes 'real' or 'virtual', got '" + value + "'";
    return false;
  }
  run.virtualClock = value == "virtual";
  return true;
}

bool typeFlag(const std::string& value, RunOptions& run, std::string* error) {
  if (value != "STANDARD" && value != "EXPRESS") {
    *error = "option '--type' takes 'STANDARD' or 'EXPRESS', got '" + value + "'";
    return false;
  }
  run.workflowType = value;
  return true;
}

bool startTimeFlag(const std::string& value, RunOptions& run, std::string* error) {
  std::optional<int64_t> micros = parseTimestampMicros(value);
  if (!micros) {
    *error = "option '--start-time' needs an RFC 3339 timestamp, got '" + value + "'";
    return false;
  }
  run.startMicros = *micros;
  return true;
}

}  // namespace

bool parseExecutableFlags(int argc, char** argv, ExecutableFlags& flags, std::string* error) {
  CliArgs args(argc, argv);
  while (!args.done()) {
    bool matched = false;
    std::string text;
    long long number = 0;
    if (args.flag("--help") || args.flag("-h")) { flags.help = true; continue; }
    if (args.flag("--bench")) { flags.bench = true; continue; }
    if (!stringFlag(args, "--input", &flags.inputPath, &matched, error)) return false;
    if (!stringFlag(args, "--bindings", &flags.bindingsPath, &matched, error)) return false;
    if (!stringFlag(args, "--history", &flags.run.historyPath, &matched, error)) return false;
    if (!stringFlag(args, "--callback-socket", &flags.callbackSocket, &matched, error)) return false;
    if (!stringFlag(args, "--execution-name", &flags.run.executionName, &matched, error)) return false;
    if (!stringFlag(args, "--state-machine-name", &flags.run.stateMachineName, &matched, error)) return false;
    if (!numberFlag(args, "--repeat", &flags.repeat, &matched, error)) return false;
    if (!stringFlag(args, "--mock-config", &flags.run.mockConfigPath, &matched, error)) return false;
    if (!stringFlag(args, "--test-case", &flags.run.testCase, &matched, error)) return false;
    if (!stringFlag(args, "--state-machine", &flags.run.stateMachine, &matched, error)) return false;
    if (!stringFlag(args, "--resources", &flags.run.resourcesPath, &matched, error)) return false;
    if (!stringFlag(args, "--s3-root", &flags.run.s3Root, &matched, error)) return false;
    if (matched) continue;
    if (!numberFlag(args, "--seed", &number, &matched, error)) return false;
    if (matched) { flags.run.seed = static_cast<uint64_t>(number); flags.run.seeded = true; continue; }
    if (!stringFlag(args, "--clock", &text, &matched, error)) return false;
    if (matched) { if (!clockFlag(text, flags.run, error)) return false; continue; }
    if (!stringFlag(args, "--type", &text, &matched, error)) return false;
    if (matched) { if (!typeFlag(text, flags.run, error)) return false; continue; }
    if (!numberFlag(args, "--inline-map-max-concurrency", &flags.run.inlineMapMaxConcurrency, &matched, error))
      return false;
    if (matched) continue;
    if (!stringFlag(args, "--start-time", &text, &matched, error)) return false;
    if (matched) { if (!startTimeFlag(text, flags.run, error)) return false; continue; }
    *error = "unknown option '" + args.peek() + "' (see --help)";
    return false;
  }
  if (flags.repeat < 1) {
    *error = "option '--repeat' needs at least 1";
    return false;
  }
  return true;
}

}  // namespace aslrt
