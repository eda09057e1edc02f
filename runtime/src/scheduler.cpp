#include "scheduler.h"

#include "worker_pool.h"

#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>
#include <algorithm>
#include <chrono>
#include <thread>

#include "stack_pool.h"

namespace aslrt {

namespace ctx = boost::context;

// Each fiber's stack comes from the thread's StackPool: 1 MiB of address
// space, of which only the touched pages cost memory, so 100,000 waiting
// branches still fit. JSONata evaluation is held to half of it
// (jsonata_template.cpp) so runaway recursion is U1001, never a crash. JSON
// work deep enough to need more runs on the scheduler's own stack.
class PooledStack {
 public:
  explicit PooledStack(StackPool& pool) : pool_(&pool) {}
  ctx::stack_context allocate() {
    ctx::stack_context sc;
    sc.size = pool_->stackBytes();
    sc.sp = static_cast<char*>(pool_->take()) + sc.size;  // stacks grow down
    return sc;
  }
  void deallocate(ctx::stack_context& sc) noexcept { pool_->give(static_cast<char*>(sc.sp) - sc.size); }

 private:
  StackPool* pool_;
};

struct FiberRecord {
  ctx::fiber self;
  ctx::fiber caller;
  std::function<void()> body;
  bool finished = false;
  bool daemon = false;
  uint64_t parkedKey = 0;  // parkFor's key while parked there
  bool notified = false;   // parkFor's answer
  CancelScope* scope = nullptr;
  bool wokenEarly = false;   // a sleep ended by cancel() or by run() ending
  std::function<void()> onCancel;  // set while parked with a hook
};

bool CancelScope::cancelled() const {
  for (const CancelScope* s = this; s; s = s->parent_)
    if (s->cancelled_) return true;
  return false;
}

bool CancelScope::contains(const CancelScope* inner) const {
  for (const CancelScope* s = inner; s; s = s->parent_)
    if (s == this) return true;
  return false;
}

Scheduler::Scheduler(Clock& clock) : clock_(clock) {}
// A run() ended by stop() may leave a fiber parked on a worker thread that
// will still call remoteWake(): wait for it, so it never touches a destroyed
// scheduler (its fiber is abandoned, as stop() says).
Scheduler::~Scheduler() {
  std::unique_lock<std::mutex> lock(remoteMutex_);
  remoteReadyCv_.wait(lock, [&] { return remoteReady_.size() >= remotePending_; });
}

FiberRecord* Scheduler::spawn(std::function<void()> body, CancelScope* scope) {
  auto* rec = new FiberRecord;
  rec->body = std::move(body);
  rec->scope = scope ? scope : current_ ? current_->scope : nullptr;
  rec->self = ctx::fiber(std::allocator_arg, PooledStack(StackPool::forThisThread()),
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
  runLoop();
  StackPool::forThisThread().releaseExcess();  // the burst is over: its extra stacks go back
}

void Scheduler::runLoop() {
  for (;;) {
    while (!ready_.empty() && !stopped_) {
      FiberRecord* next = ready_.front();
      ready_.pop_front();
      resume(next);
    }
    if (stopped_) return;
    if (live_ == liveDaemons_) {  // only daemons (watchdogs) left: end their sleeps
      if (live_ == 0 || daemonsOnly_) return;
      wakeDaemons();
      continue;
    }
    if (takeRemoteWakes()) continue;
    if (timers_.empty()) {
      if (!waitForRemote(nullptr)) return;
      continue;
    }
    int64_t deadline = timers_.begin()->first;
    // A real clock must not sleep through a remote wake. A virtual clock
    // jumps only when nothing else can happen first: while a fiber waits for
    // another process (parkFor) or for work on another thread (a command, a
    // native handler, an HTTP call), that work lives in real time, so the
    // virtual clock then runs at real speed (docs/BINDINGS.md, "Timing").
    if ((!clock_.isVirtual() || waitsOnRealTime()) && waitForRemote(&deadline)) continue;
    clock_.waitUntil(deadline);
    readyDueTimers();
  }
}

// Timers whose deadline the clock has reached go to the ready queue; true
// when there was one.
bool Scheduler::readyDueTimers() {
  int64_t now = clock_.nowMicros();
  bool any = false;
  while (!timers_.empty() && timers_.begin()->first <= now) {
    FiberRecord* fiber = timers_.begin()->second;
    timers_.erase(timers_.begin());
    if (fiber->parkedKey) {  // parkFor's deadline: no longer a waiter
      waiters_.erase(fiber->parkedKey);
      fiber->parkedKey = 0;
      fiber->notified = false;
    }
    ready_.push_back(fiber);
    any = true;
  }
  return any;
}

// A fiber that never waits (a Pass -> Choice loop) would keep the others --
// sibling branches, the TimeoutSeconds watchdog, a signal's abort -- from ever
// running. Every kPreemptEvery calls it looks for ready fibers, due timers
// and remote work and, if there are any, lets them run first (round robin).
// The clock is read only then.
void Scheduler::yieldIfOthersWait() {
  sincePreemptCheck_ = 0;
  bool remote = remoteArrived_.load(std::memory_order_relaxed) && takeRemoteWakes();
  bool due = readyDueTimers();
  if (!remote && !due && ready_.empty()) return;
  ready_.push_back(current_);
  yieldToScheduler();
}

bool Scheduler::sleepUntil(int64_t micros) {
  FiberRecord* self = current_;
  if (cancelRequested() || (self->daemon && daemonsOnly_)) return false;
  self->wokenEarly = false;
  timers_.emplace(micros, self);
  yieldToScheduler();
  return !self->wokenEarly;
}

void Scheduler::park(std::function<void()> onCancel) {
  if (!onCancel) return yieldToScheduler();
  FiberRecord* self = current_;
  if (cancelRequested()) {
    onCancel();  // it arranges the wake that ends this park
    return yieldToScheduler();
  }
  self->onCancel = std::move(onCancel);
  hooked_.push_back(self);
  yieldToScheduler();
  if (self->onCancel) {  // woken without a cancellation
    self->onCancel = nullptr;
    hooked_.erase(std::find(hooked_.begin(), hooked_.end(), self));
  }
}

bool Scheduler::currentScopeCancelled() const { return current_ && current_->scope && current_->scope->cancelled(); }

CancelScope* Scheduler::currentScope() const { return current_ ? current_->scope : nullptr; }

void Scheduler::cancel(CancelScope& scope) {
  scope.cancelled_ = true;
  anyCancelled_ = true;
  for (auto it = timers_.begin(); it != timers_.end();) {
    FiberRecord* f = it->second;
    if (!f->scope || !scope.contains(f->scope)) {
      ++it;
      continue;
    }
    it = timers_.erase(it);
    f->wokenEarly = true;
    if (f->parkedKey) leaveWait(f);
    ready_.push_back(f);
  }
  // parkFor waiters without a deadline (those with one were just woken).
  for (auto it = waiters_.begin(); it != waiters_.end();) {
    FiberRecord* f = it->second.fiber;
    if (!f->scope || !scope.contains(f->scope)) {
      ++it;
      continue;
    }
    it = waiters_.erase(it);
    f->parkedKey = 0;
    f->notified = false;
    f->wokenEarly = true;
    ready_.push_back(f);
  }
  // Take the hooks out first: a hook may wake (and so re-order) fibers.
  std::vector<std::function<void()>> hooks;
  for (size_t i = 0; i < hooked_.size();) {
    FiberRecord* f = hooked_[i];
    if (!f->scope || !scope.contains(f->scope)) {
      ++i;
      continue;
    }
    hooks.push_back(std::move(f->onCancel));
    f->onCancel = nullptr;
    hooked_[i] = hooked_.back();
    hooked_.pop_back();
  }
  for (auto& hook : hooks) hook();
}

// run() is ending with only daemons left: their sleeps end (returning false)
// so they finish instead of being abandoned.
void Scheduler::wakeDaemons() {
  daemonsOnly_ = true;
  for (auto& [deadline, f] : timers_) {
    f->wokenEarly = true;
    ready_.push_back(f);
  }
  timers_.clear();
}

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
  remoteArrived_.store(true, std::memory_order_relaxed);
  remoteReadyCv_.notify_all();
}

void Scheduler::post(std::function<void()> work) {
  std::lock_guard<std::mutex> lock(remoteMutex_);
  posted_.push_back(std::move(work));
  remoteArrived_.store(true, std::memory_order_relaxed);
  remoteReadyCv_.notify_all();
}

// Moves remotely woken and notified fibers to the ready queue and runs posted
// work; true when there was any.
bool Scheduler::takeRemoteWakes() {
  std::vector<std::function<void()>> work;
  bool any = false;
  {
    std::lock_guard<std::mutex> lock(remoteMutex_);
    remoteArrived_.store(false, std::memory_order_relaxed);
    any = takeNotified();
    for (FiberRecord* f : remoteReady_) ready_.push_back(f);
    remotePending_ -= remoteReady_.size();
    any = any || !remoteReady_.empty() || !posted_.empty();
    remoteReady_.clear();
    work.swap(posted_);
  }
  for (auto& w : work) w();
  return any;
}

// Resumes the parkFor waiters whose keys were notified; stale keys (the
// fiber already left by its deadline or a cancellation) are dropped.
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

// Blocks until a remote wake, a notify or posted work arrives (true) or, with
// a deadline, until the real clock reaches it (false). Without a deadline it
// returns false at once when nothing is expected. A virtual clock advances by
// the real time spent here while a parkFor waiter is outstanding, so a
// reply's timestamps read as when it came.
bool Scheduler::waitForRemote(const int64_t* deadline) {
  for (;;) {
    auto started = std::chrono::steady_clock::now();
    {
      std::unique_lock<std::mutex> lock(remoteMutex_);
      auto arrived = [&] { return !remoteReady_.empty() || !notified_.empty() || !posted_.empty(); };
      if (!deadline && remotePending_ == 0 && waiters_.empty() && !arrived()) return false;
      bool came = true;
      if (!deadline) {
        remoteReadyCv_.wait(lock, arrived);
      } else {
        int64_t left = *deadline - clock_.nowMicros();
        came = remoteReadyCv_.wait_for(lock, std::chrono::microseconds(left > 0 ? left : 0), arrived);
      }
      if (waitsOnRealTime()) {
        auto spent = std::chrono::steady_clock::now() - started;
        clock_.advance(std::chrono::duration_cast<std::chrono::microseconds>(spent).count());
      }
      if (!came) return false;
    }
    if (takeRemoteWakes()) return true;
  }
}

// A parkFor waiter woken by its timer's removal: no longer waiting.
void Scheduler::leaveWait(FiberRecord* f) {
  waiters_.erase(f->parkedKey);
  f->parkedKey = 0;
  f->notified = false;
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
  remoteArrived_.store(true, std::memory_order_relaxed);
  remoteReadyCv_.notify_all();
}

// On a pooled thread (worker_pool.h). The fiber resumes only after
// remoteWake, when the job no longer touches `work`.
void Scheduler::runOnWorkerThread(const std::function<void()>& work, std::function<void()> onCancel) {
  FiberRecord* self = current_;
  expectRemoteWake();
  WorkerPool::shared().submit([this, &work, self] {
    work();
    remoteWake(self);
  });
  park(std::move(onCancel));
}

}  // namespace aslrt
