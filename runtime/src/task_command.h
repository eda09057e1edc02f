// Runs a bound command for a Task: posix_spawn, never a shell; the task
// input on stdin, the result on stdout, stderr passed through (and kept for
// the error cause). Blocks the calling thread: call it on a worker thread.
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "task_bindings.h"

namespace aslrt {

struct CommandResult {
  std::string spawnError;  // non-empty: the program could not be started
  bool timedOut = false;   // killed when the state's timeout passed
  int exitStatus = -1;     // when it exited
  int signal = 0;          // when a signal ended it
  std::string out;         // all of stdout
  std::string errTail;     // the end of stderr (for a failure's cause)
};

// Lets the scheduler's thread kill a command a worker thread is running
// (the task's branch was cancelled). Either side may come first.
class CommandControl {
 public:
  void cancel();                 // any thread: kill the child now, or as soon as it starts
  bool started(pid_t pid);       // the worker: false when already cancelled (it kills the child)
  void finished();               // the worker: before reaping, so a reused pid is never killed
  bool cancelled();

 private:
  std::mutex mutex_;
  pid_t pid_ = 0;
  bool cancelled_ = false;
};

// `timeoutMicros`: real time after which the child is killed (SIGKILL).
CommandResult runCommand(const CommandSpec& spec, const std::string& input, std::optional<int64_t> timeoutMicros,
                         CommandControl* control = nullptr);

}  // namespace aslrt
