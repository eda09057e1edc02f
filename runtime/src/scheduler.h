// Cooperative fibers on one thread (Boost.Context is used only in
// scheduler.cpp). The scheduler owns the ready queue and a deadline-ordered
// timer queue; a fiber suspends itself to wait for a deadline or a wake-up.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "clock.h"

namespace aslrt {

struct FiberRecord;

// A group of fibers cancelled together: a Parallel's branches, a Map's
// iterations, an execution. Scopes nest (a Map inside a branch): cancelling a
// scope cancels every scope under it. A scope must outlive its fibers.
class CancelScope {
 public:
  explicit CancelScope(const CancelScope* parent = nullptr) : parent_(parent) {}
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;
  bool cancelled() const;
  bool contains(const CancelScope* inner) const;  // this scope or one nested in it

 private:
  friend class Scheduler;
  const CancelScope* parent_;
  bool cancelled_ = false;
};

class Scheduler {
 public:
  explicit Scheduler(Clock& clock);
  ~Scheduler();
  Clock& clock() { return clock_; }

  // A new fiber in `scope`; by default the spawning fiber's scope.
  FiberRecord* spawn(std::function<void()> body, CancelScope* scope = nullptr);
  // A daemon fiber (e.g. a time-out watchdog) does not keep run() going: when
  // only daemons are left, run() wakes their sleeps early (sleepUntil returns
  // false) and returns once they have finished.
  FiberRecord* spawnDaemon(std::function<void()> body);
  void run();  // until every non-daemon fiber has finished, or stop()
  // Ends run() at once; fibers not finished are abandoned (never resumed).
  void stop() { stopped_ = true; }

  // Cancellation (docs/ARCHITECTURE.md, "Cancellation"). cancel() marks
  // `scope` and the scopes nested in it cancelled; their fibers sleeping in
  // sleepUntil wake at once (their timers are removed and never fire) and the
  // onCancel hook of each of their fibers parked with one runs, once, on the
  // scheduler's thread. A cancelled fiber is expected to unwind: every
  // suspension point reports the cancellation to its caller.
  void cancel(CancelScope& scope);
  // The current fiber's scope is cancelled. Asked at every state transition:
  // until the first cancel() nothing can be, and no scope chain is walked.
  bool cancelRequested() const { return anyCancelled_ && currentScopeCancelled(); }
  CancelScope* currentScope() const;  // for nesting a new scope under it

  // From inside a fiber: suspend until the clock reaches `micros`. Returns
  // false when the fiber was (or already is) cancelled instead.
  bool sleepUntil(int64_t micros);
  // From inside a fiber: suspend until another fiber calls wake(). With an
  // onCancel hook, a cancellation of the fiber's scope while it is parked
  // (or before) runs the hook, which must make the wake happen (wake(), or
  // end the remote work whose remoteWake() follows).
  void park(std::function<void()> onCancel = nullptr);
  void wake(FiberRecord* fiber);
  FiberRecord* current() const { return current_; }
  // From inside a fiber, at a point where it may give way (a state
  // transition): lets due timers and remote work (the machine's time-out, an
  // abort) run before a fiber that never waits goes on. Cheap: it looks only
  // every few hundred calls.
  void preemptionPoint() {
    constexpr uint32_t kPreemptEvery = 256;
    if (++sincePreemptCheck_ >= kPreemptEvery) yieldIfOthersWait();
  }
  size_t liveFibers() const { return live_; }

  // Remote wake: lets another thread resume a parked fiber. On the scheduler's
  // thread, call expectRemoteWake() before handing `fiber` to the other
  // thread (so run() waits for it instead of returning), then park(); the
  // other thread calls remoteWake(fiber) exactly once. Thread-safe.
  void expectRemoteWake();
  void remoteWake(FiberRecord* fiber);
  // From any thread: runs `work` on the scheduler's thread between fibers,
  // soon (a real-clock wait is interrupted for it). How a signal aborts.
  void post(std::function<void()> work);
  // From inside a fiber: runs `work` on a pooled thread while the other fibers
  // keep running; returns when `work` has returned. `work` must not throw.
  // `onCancel` (optional) runs on the scheduler's thread if the fiber is
  // cancelled meanwhile: it should make `work` return soon (kill a process,
  // close a socket); the fiber still waits for `work` to return.
  void runOnWorkerThread(const std::function<void()>& work, std::function<void()> onCancel = nullptr);

  // Waiting for another process (callbacks, activities): a fiber parks under
  // a key with an optional deadline; notify(key) from any thread resumes it.
  // A notify for a key nobody is parked under is dropped, so the waiter must
  // look at its inbox before parking again. parkFor returns true when
  // notified, false when the deadline passed. While any fiber is parked here,
  // a virtual clock runs at real speed (the other process lives in real time).
  uint64_t newWaitKey() { return nextWaitKey_++; }
  bool parkFor(uint64_t key, const int64_t* deadline);
  void notify(uint64_t key);

 private:
  void runLoop();
  void resume(FiberRecord* fiber);
  void yieldToScheduler();
  bool takeRemoteWakes();
  // A fiber waits for another process or thread (see runLoop); on the
  // scheduler's thread, which alone changes both counts.
  bool waitsOnRealTime() const { return !waiters_.empty() || remotePending_ > 0; }
  bool waitForRemote(const int64_t* deadline);
  bool takeNotified();  // under remoteMutex_
  bool readyDueTimers();

  struct Waiter {
    FiberRecord* fiber;
    bool timed;
    std::multimap<int64_t, FiberRecord*>::iterator timer;
  };
  void leaveWait(FiberRecord* fiber);
  void wakeDaemons();


  Clock& clock_;
  std::deque<FiberRecord*> ready_;
  std::multimap<int64_t, FiberRecord*> timers_;
  FiberRecord* current_ = nullptr;
  size_t live_ = 0;
  size_t liveDaemons_ = 0;
  bool stopped_ = false;
  bool daemonsOnly_ = false;  // run() is ending: daemon sleeps return at once
  std::vector<FiberRecord*> hooked_;  // parked with an onCancel hook
  // Guarded by remoteMutex_: fibers woken from other threads, and how many
  // remote wakes are still expected.
  std::mutex remoteMutex_;
  std::condition_variable remoteReadyCv_;
  std::vector<FiberRecord*> remoteReady_;
  std::vector<std::function<void()>> posted_;
  std::atomic<bool> remoteArrived_{false};  // something above arrived since the last look
  uint32_t sincePreemptCheck_ = 0;
  bool anyCancelled_ = false;  // cancel() was called at least once
  bool currentScopeCancelled() const;
  void yieldIfOthersWait();  // preemptionPoint's look at the others
  size_t remotePending_ = 0;
  std::vector<uint64_t> notified_;  // keys notified from other threads
  // Scheduler thread only: the fibers parked in parkFor, by key.
  std::map<uint64_t, Waiter> waiters_;
  uint64_t nextWaitKey_ = 1;
};

}  // namespace aslrt
