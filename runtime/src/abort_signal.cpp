#include "abort_signal.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace aslrt {
namespace {

constexpr int kForcedExitCode = 5;  // the "aborted" exit status (README)

std::atomic<int> g_signal{0};
std::mutex g_mutex;  // guards the target
Scheduler* g_scheduler = nullptr;
std::function<void()> g_onAbort;

// A second signal forces the exit, unless it is the first one delivered
// again: timeout(1) signals its command and then the command's process
// group, so the command receives SIGTERM twice within microseconds.
constexpr auto kSameRequest = std::chrono::milliseconds(200);

void waitForSignals(sigset_t set) {
  std::chrono::steady_clock::time_point first;
  for (;;) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    int expected = 0;
    if (!g_signal.compare_exchange_strong(expected, sig)) {
      if (sig == expected && std::chrono::steady_clock::now() - first < kSameRequest) continue;
      _exit(kForcedExitCode);
    }
    first = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_scheduler) g_scheduler->post(g_onAbort);
  }
}

}  // namespace

void installAbortSignals() {
  static std::once_flag once;  // a host may run programs more than once
  std::call_once(once, [] {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(waitForSignals, set).detach();
  });
}

int abortSignal() { return g_signal.load(); }

AbortTarget::AbortTarget(Scheduler& scheduler, std::function<void()> onAbort) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_scheduler = &scheduler;
  g_onAbort = std::move(onAbort);
  if (g_signal.load()) scheduler.post(g_onAbort);
}

AbortTarget::~AbortTarget() {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_scheduler = nullptr;
  g_onAbort = nullptr;
}

}  // namespace aslrt
