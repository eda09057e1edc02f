// SIGINT and SIGTERM abort the running execution cleanly (docs/ARCHITECTURE.md,
// "Cancellation and abort"): a thread waits for the signals and posts the
// abort to the scheduler, which cancels everything in flight. A second signal
// ends the process at once (for a native handler that never returns).
#pragma once
#include <functional>

#include "scheduler.h"

namespace aslrt {

// Blocks SIGINT and SIGTERM in the calling thread and starts the thread that
// waits for them. Call it first in main(), before any other thread starts, so
// every thread inherits the mask (commands are spawned with a clean mask).
void installAbortSignals();

// The signal that asked for the abort, or 0.
int abortSignal();

// While it lives, an abort request runs `onAbort` on `scheduler`'s thread
// (at once if the signal came before). One at a time.
class AbortTarget {
 public:
  AbortTarget(Scheduler& scheduler, std::function<void()> onAbort);
  ~AbortTarget();
  AbortTarget(const AbortTarget&) = delete;
  AbortTarget& operator=(const AbortTarget&) = delete;
};

}  // namespace aslrt
