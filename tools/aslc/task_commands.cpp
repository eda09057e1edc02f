#include "task_commands.h"

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <map>

#include "aslrt/cli_args.h"
#include "aslrt/json.h"
#include "callback_server.h"

namespace aslc::tool {
namespace {

using aslrt::Json;

enum TaskExit { kDone = 0, kApiError = 1, kUsage = 2, kUnreachable = 5 };

const char* const kCommonHelp =
    "  --socket PATH             the execution's callback socket (default: $ASLC_CALLBACK_SOCKET,\n"
    "                            which the executable sets for the commands it runs)\n"
    "  --help                    this text\n\n"
    "exit status: 0 done, 1 the execution answered with an error (TaskTimedOut, TaskDoesNotExist,\n"
    "InvalidToken, InvalidOutput, ActivityDoesNotExist, ValidationException; name and message on\n"
    "stderr), 2 usage error, 5 the socket cannot be reached (no such execution, or it has ended)\n";

struct Command {
  const char* action;    // the API action
  const char* synopsis;  // usage line and what it does
  std::vector<std::string> options;   // flag names it takes (besides --socket)
  std::vector<std::string> required;
};

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> table = {
      {"send-task-success",
       {"SendTaskSuccess",
        "usage: aslc send-task-success --task-token T --task-output JSON|- [--socket PATH]\n"
        "Completes the callback or activity task T with JSON (- reads it from stdin).\n",
        {"--task-token", "--task-output"},
        {"--task-token", "--task-output"}}},
      {"send-task-failure",
       {"SendTaskFailure",
        "usage: aslc send-task-failure --task-token T [--error E] [--cause C] [--socket PATH]\n"
        "Fails the callback or activity task T with error E and cause C (as Retry and Catch see them).\n",
        {"--task-token", "--error", "--cause"},
        {"--task-token"}}},
      {"send-task-heartbeat",
       {"SendTaskHeartbeat",
        "usage: aslc send-task-heartbeat --task-token T [--socket PATH]\n"
        "Tells the execution that task T is still being worked on (resets its HeartbeatSeconds clock).\n",
        {"--task-token"},
        {"--task-token"}}},
      {"get-activity-task",
       {"GetActivityTask",
        "usage: aslc get-activity-task --activity-arn ARN [--worker-name W] [--wait-seconds N] [--socket PATH]\n"
        "Waits (long poll, up to 60 s or N) for a task of activity ARN and prints\n"
        "{\"taskToken\": T, \"input\": \"<input JSON text>\"}; both are null when none came in time.\n",
        {"--activity-arn", "--worker-name", "--wait-seconds"},
        {"--activity-arn"}}},
  };
  return table;
}

// The API's field for a flag: --task-token → taskToken, --task-output → output.
std::string fieldOf(const std::string& flag) {
  static const std::map<std::string, std::string> names = {
      {"--task-token", "taskToken"}, {"--task-output", "output"},    {"--error", "error"},
      {"--cause", "cause"},          {"--activity-arn", "activityArn"}, {"--worker-name", "workerName"},
      {"--wait-seconds", "waitSeconds"}};
  return names.at(flag);
}

int usage(const std::string& command, const std::string& message) {
  std::cerr << "aslc " << command << ": error: " << message << " (see 'aslc " << command << " --help')\n";
  return kUsage;
}

// Fills `request` from the flags; returns a usage error message or "".
std::string parseFlags(const Command& cmd, int argc, char** argv, Json& request, std::string& socket, bool& help) {
  aslrt::CliArgs args(argc, argv, 1);
  std::string error;
  while (!args.done()) {
    if (args.flag("--help") || args.flag("-h")) {
      help = true;
      return "";
    }
    if (std::optional<std::string> v = args.option("--socket", &error)) {
      socket = *v;
      continue;
    }
    if (!error.empty()) return error;
    bool matched = false;
    for (const std::string& name : cmd.options) {
      std::optional<std::string> v = args.option(name, &error);
      if (!error.empty()) return error;
      if (!v) continue;
      matched = true;
      request[fieldOf(name)] = *v;
      break;
    }
    if (!error.empty()) return error;
    if (!matched) return "unknown option '" + args.peek() + "'";
  }
  for (const std::string& name : cmd.required)
    if (!request.contains(fieldOf(name))) return "option '" + name + "' is required";
  return "";
}

// --task-output: JSON text, checked here so a typo is a usage error, not a
// failed task; '-' reads stdin. --wait-seconds: a number.
std::string normalize(Json& request) {
  if (request.contains("output")) {
    std::string text = request["output"].get<std::string>();
    if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (Json::parse(text, nullptr, false).is_discarded()) return "--task-output is not valid JSON";
    request["output"] = text;
  }
  if (request.contains("waitSeconds")) {
    std::optional<long long> n = aslrt::parseInteger(request["waitSeconds"].get<std::string>());
    if (!n || *n > 60) return "--wait-seconds needs a whole number from 0 to 60";
    request["waitSeconds"] = *n;
  }
  return "";
}

}  // namespace

bool isTaskCommand(const std::string& command) { return commands().count(command) > 0; }

int runTaskCommand(int argc, char** argv) {
  const std::string name = argv[0];
  const Command& cmd = commands().at(name);
  Json request = {{"action", cmd.action}};
  std::string socket;
  bool help = false;
  std::string problem = parseFlags(cmd, argc, argv, request, socket, help);
  if (help) {
    std::cout << cmd.synopsis << "\n" << kCommonHelp;
    return kDone;
  }
  if (problem.empty()) problem = normalize(request);
  if (!problem.empty()) return usage(name, problem);
  if (socket.empty()) {
    const char* env = std::getenv(aslrt::kCallbackSocketEnv);
    if (!env || !*env) return usage(name, "no callback socket: pass --socket PATH or set ASLC_CALLBACK_SOCKET");
    socket = env;
  }
  std::string line, error;
  if (!aslrt::callbackRequest(socket, request.dump(), &line, &error)) {
    std::cerr << "aslc " << name << ": error: " << error << "\n";
    return kUnreachable;
  }
  Json response = Json::parse(line, nullptr, false);
  if (!response.is_object() || !response.value("ok", false)) {
    std::string api = response.is_object() ? response.value("error", "InvalidResponse") : "InvalidResponse";
    std::string message = response.is_object() ? response.value("message", line) : line;
    std::cerr << "aslc " << name << ": error: " << api << ": " << message << "\n";
    return kApiError;
  }
  if (name == "get-activity-task")
    std::cout << Json({{"taskToken", response["taskToken"]}, {"input", response["input"]}}).dump() << "\n";
  return kDone;
}

}  // namespace aslc::tool
