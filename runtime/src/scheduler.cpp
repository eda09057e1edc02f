#include "scheduler.h"

#include <boost/context/fiber.hpp>
#include <boost/context/fixedsize_stack.hpp>
#include <chrono>
#include <thread>

namespace aslrt {

namespace ctx = boost::context;

// 1 MiB of address space per fiber; only the touched pages cost memory, so
// 100,000 waiting branches still fit. JSONata evaluation is held to half of it
// (jsonata_template.cpp) so runaway recursion is U1001, never a crash. JSON
// work deep enough to need more runs on the scheduler's own stack.
constexpr size_t kFiberStackBytes = 1024 * 1024;

struct FiberRecord {
  ctx::fiber self;
  ctx::fiber caller;
  std::function<void()> body;
  bool finished = false;
  bool daemon = false;
  uint64_t parkedKey = 0;  // parkFor's key while parked there
  bool notified = false;   // parkFor's answer
};

Scheduler::Scheduler(Clock& clock) : clock_(clock) {}
// A run() ended by stop() may leave a fiber parked on a worker thread that
// will still call remoteWake(): wait for it, so it never touches a destroyed
// scheduler (its fiber is abandoned, as stop() says).
Scheduler::~Scheduler() {
  std::unique_lock<std::mutex> lock(remoteMutex_);
  remoteReadyCv_.wait(lock, [&] { return remoteReady_.size() >= remotePending_; });
}

FiberRecord* Scheduler::spawn(std::function<void()> body) {
  auto* rec = new FiberRecord;
  rec->body = std::move(body);
  rec->self = ctx::fiber(std::allocator_arg, ctx::fixedsize_stack(kFiberStackBytes),
                         [rec](ctx::fiber&& caller) {
                           rec->caller = std::move(caller);
                           rec->body();
                           rec->finished = true;
                           return std::move(rec->caller);
                         });
  ++live_;
  ready_.push_back(rec);
  return rec;
}

FiberRecord* Scheduler::spawnDaemon(std::function<void()> body) {
  FiberRecord* rec = spawn(std::move(body));
  rec->daemon = true;
  ++liveDaemons_;
  return rec;
}

void Scheduler::resume(FiberRecord* fiber) {
  FiberRecord* previous = current_;
  current_ = fiber;
  fiber->self = std::move(fiber->self).resume();
  current_ = previous;
  if (fiber->finished) {
    --live_;
    if (fiber->daemon) --liveDaemons_;
    delete fiber;
  }
}

void Scheduler::yieldToScheduler() {
  FiberRecord* self = current_;
  self->caller = std::move(self->caller).resume();
}

void Scheduler::run() {
  for (;;) {
    while (!ready_.empty() && !stopped_) {
      FiberRecord* next = ready_.front();
      ready_.pop_front();
      resume(next);
    }
    if (stopped_ || live_ == liveDaemons_) return;  // only daemons (watchdogs) left
    if (takeRemoteWakes()) continue;
    if (timers_.empty()) {
      if (!waitForRemote(nullptr)) return;
      continue;
    }
    int64_t deadline = timers_.begin()->first;
    // A real clock must not sleep through a remote wake; a virtual clock
    // jumps, so a worker thread never holds virtual time back -- unless a
    // fiber waits for another process (parkFor): that process lives in real
    // time, so the virtual clock then runs at real speed (docs/BINDINGS.md).
    if ((!clock_.isVirtual() || !waiters_.empty()) && waitForRemote(&deadline)) continue;
    clock_.waitUntil(deadline);
    int64_t now = clock_.nowMicros();
    while (!timers_.empty() && timers_.begin()->first <= now) {
      FiberRecord* fiber = timers_.begin()->second;
      timers_.erase(timers_.begin());
      if (fiber->parkedKey) {  // parkFor's deadline: no longer a waiter
        waiters_.erase(fiber->parkedKey);
        fiber->parkedKey = 0;
        fiber->notified = false;
      }
      ready_.push_back(fiber);
    }
  }
}

void Scheduler::sleepUntil(int64_t micros) {
  timers_.emplace(micros, current_);
  yieldToScheduler();
}

void Scheduler::park() { yieldToScheduler(); }

void Scheduler::wake(FiberRecord* fiber) { ready_.push_back(fiber); }

void Scheduler::expectRemoteWake() {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  ++remotePending_;
}

void Scheduler::remoteWake(FiberRecord* fiber) {
  // Notify under the lock: once the waiter sees the push, the scheduler
  // (and this condition variable) may be destroyed.
  std::lock_guard<std::mutex> lock(remoteMutex_);
  remoteReady_.push_back(fiber);
  remoteReadyCv_.notify_all();
}

// Moves remotely woken fibers to the ready queue; true when there were any.
bool Scheduler::takeRemoteWakes() {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  bool any = takeNotified();
  if (remoteReady_.empty()) return any;
  for (FiberRecord* f : remoteReady_) ready_.push_back(f);
  remotePending_ -= remoteReady_.size();
  remoteReady_.clear();
  return true;
}

// Resumes the parkFor waiters whose keys were notified; stale keys (the
// fiber already left by its deadline) are dropped.
bool Scheduler::takeNotified() {
  bool any = false;
  for (uint64_t key : notified_) {
    auto it = waiters_.find(key);
    if (it == waiters_.end()) continue;
    Waiter w = it->second;
    waiters_.erase(it);
    if (w.timed) timers_.erase(w.timer);
    w.fiber->parkedKey = 0;
    w.fiber->notified = true;
    ready_.push_back(w.fiber);
    any = true;
  }
  notified_.clear();
  return any;
}

// Blocks until a remote wake arrives (true) or, with a deadline, until the
// real clock reaches it (false). Returns false at once when none is expected.
// A virtual clock advances by the real time spent here while a parkFor
// waiter is outstanding, so a reply's timestamps read as when it came.
bool Scheduler::waitForRemote(const int64_t* deadline) {
  for (;;) {
    auto started = std::chrono::steady_clock::now();
    {
      std::unique_lock<std::mutex> lock(remoteMutex_);
      if (remotePending_ == 0 && waiters_.empty()) return false;
      auto arrived = [&] { return !remoteReady_.empty() || !notified_.empty(); };
      bool came = true;
      if (!deadline) {
        remoteReadyCv_.wait(lock, arrived);
      } else {
        int64_t left = *deadline - clock_.nowMicros();
        came = remoteReadyCv_.wait_for(lock, std::chrono::microseconds(left > 0 ? left : 0), arrived);
      }
      if (!waiters_.empty()) {
        auto spent = std::chrono::steady_clock::now() - started;
        clock_.advance(std::chrono::duration_cast<std::chrono::microseconds>(spent).count());
      }
      if (!came) return false;
    }
    if (takeRemoteWakes()) return true;
  }
}

bool Scheduler::parkFor(uint64_t key, const int64_t* deadline) {
  FiberRecord* self = current_;
  Waiter w{self, deadline != nullptr, {}};
  if (deadline) w.timer = timers_.emplace(*deadline, self);
  waiters_.emplace(key, w);
  self->parkedKey = key;
  self->notified = false;
  yieldToScheduler();
  return self->notified;
}

void Scheduler::notify(uint64_t key) {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  notified_.push_back(key);
  remoteReadyCv_.notify_all();
}

void Scheduler::runOnWorkerThread(const std::function<void()>& work) {
  FiberRecord* self = current_;
  expectRemoteWake();
  std::thread worker([&] {
    work();
    remoteWake(self);
  });
  park();
  worker.join();
}

}  // namespace aslrt
