// aslc send-task-success | send-task-failure | send-task-heartbeat |
// get-activity-task: the Step Functions callback API, spoken to a running
// executable over its callback socket (docs/BINDINGS.md, "Callbacks and
// activities").
#pragma once
#include <string>

namespace aslc::tool {

bool isTaskCommand(const std::string& command);
// argv[0] is the command name. Exit status: 0 done, 1 the execution answered
// with an API error (TaskTimedOut, ...), 2 usage, 5 the socket cannot be reached.
int runTaskCommand(int argc, char** argv);

}  // namespace aslc::tool
