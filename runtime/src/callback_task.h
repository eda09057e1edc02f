// The waiting side of callbacks and activities, on the execution's fiber:
// a `.waitForTaskToken` task waits for SendTaskSuccess/Failure on its token
// after its service call; an activity task is offered to workers
// (GetActivityTask) and waits for their reply. TimeoutSeconds and
// HeartbeatSeconds run on the scheduler's clock (docs/BINDINGS.md, "Timing").
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "clock.h"
#include "execution.h"
#include "task_invoke.h"

namespace aslrt {

// A task's time limits, fixed when the task is scheduled.
struct TaskTimers {
  int64_t scheduledMicros = 0;
  std::optional<int64_t> timeoutSeconds, heartbeatSeconds;
  std::optional<int64_t> deadline() const {  // TimeoutSeconds' end on the scheduler's clock
    if (!timeoutSeconds) return std::nullopt;
    return afterSeconds(scheduledMicros, static_cast<double>(*timeoutSeconds));
  }
};

// TimeoutSeconds(Path) and HeartbeatSeconds(Path), read before the task is
// scheduled; a path that selects nothing or no positive integer raises
// States.Runtime on the frame (nullopt), as AWS does.
std::optional<TaskTimers> evaluateTaskTimers(aslrt_frame* f, const TaskInfo& task);

bool waitsForTaskToken(const std::string& resource);
bool isActivityResource(const std::string& resource);

// A callback's wait is opened before the service call, so a reply that comes
// while the call is still running (even from the bound command itself) is
// kept; then awaitCallback waits for it, or cancelCallback drops it (the call
// failed). A time-out is States.Timeout, a heartbeat that did not come in
// time too (recorded: timeouts.heartbeats.heartbeat_path_timeout).
uint64_t openCallback(aslrt_frame* f, const std::string& token);
TaskOutcome awaitCallback(aslrt_frame* f, const std::string& token, uint64_t waitKey, const TaskTimers& timers);
void cancelCallback(const std::string& token);

// Serves the activity task to a worker and waits for its reply, recording
// ActivityStarted/Succeeded/Failed/TimedOut; leaves the result in slot `dst`.
int32_t runActivity(aslrt_frame* f, uint32_t dst, const std::string& activityArn, const Json& input,
                    const TaskTimers& timers);

}  // namespace aslrt
