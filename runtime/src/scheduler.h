// Cooperative fibers on one thread (Boost.Context is used only in
// scheduler.cpp). The scheduler owns the ready queue and a deadline-ordered
// timer queue; a fiber suspends itself to wait for a deadline or a wake-up.
#pragma once
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

class Scheduler {
 public:
  explicit Scheduler(Clock& clock);
  ~Scheduler();
  Clock& clock() { return clock_; }

  FiberRecord* spawn(std::function<void()> body);
  // A daemon fiber (e.g. a time-out watchdog) does not keep run() going.
  FiberRecord* spawnDaemon(std::function<void()> body);
  void run();  // until every non-daemon fiber has finished, or stop()
  // Ends run() at once; fibers not finished are abandoned (never resumed).
  void stop() { stopped_ = true; }
  // From inside a fiber: suspend until the clock reaches `micros`.
  void sleepUntil(int64_t micros);
  // From inside a fiber: suspend until another fiber calls wake().
  void park();
  void wake(FiberRecord* fiber);
  FiberRecord* current() const { return current_; }
  size_t liveFibers() const { return live_; }

  // Remote wake: lets another thread resume a parked fiber. On the scheduler's
  // thread, call expectRemoteWake() before handing `fiber` to the other
  // thread (so run() waits for it instead of returning), then park(); the
  // other thread calls remoteWake(fiber) exactly once. Thread-safe.
  void expectRemoteWake();
  void remoteWake(FiberRecord* fiber);
  // From inside a fiber: runs `work` on a new thread while the other fibers
  // keep running; returns when `work` has returned. `work` must not throw.
  void runOnWorkerThread(const std::function<void()>& work);

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
  void resume(FiberRecord* fiber);
  void yieldToScheduler();
  bool takeRemoteWakes();
  bool waitForRemote(const int64_t* deadline);
  bool takeNotified();  // under remoteMutex_

  struct Waiter {
    FiberRecord* fiber;
    bool timed;
    std::multimap<int64_t, FiberRecord*>::iterator timer;
  };

  Clock& clock_;
  std::deque<FiberRecord*> ready_;
  std::multimap<int64_t, FiberRecord*> timers_;
  FiberRecord* current_ = nullptr;
  size_t live_ = 0;
  size_t liveDaemons_ = 0;
  bool stopped_ = false;
  // Guarded by remoteMutex_: fibers woken from other threads, and how many
  // remote wakes are still expected.
  std::mutex remoteMutex_;
  std::condition_variable remoteReadyCv_;
  std::vector<FiberRecord*> remoteReady_;
  size_t remotePending_ = 0;
  std::vector<uint64_t> notified_;  // keys notified from other threads
  // Scheduler thread only: the fibers parked in parkFor, by key.
  std::map<uint64_t, Waiter> waiters_;
  uint64_t nextWaitKey_ = 1;
};

}  // namespace aslrt
