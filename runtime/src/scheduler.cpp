#include "scheduler.h"

#include <boost/context/fiber.hpp>
#include <boost/context/fixedsize_stack.hpp>

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
};

Scheduler::Scheduler(Clock& clock) : clock_(clock) {}
Scheduler::~Scheduler() = default;

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

void Scheduler::resume(FiberRecord* fiber) {
  FiberRecord* previous = current_;
  current_ = fiber;
  fiber->self = std::move(fiber->self).resume();
  current_ = previous;
  if (fiber->finished) {
    --live_;
    delete fiber;
  }
}

void Scheduler::yieldToScheduler() {
  FiberRecord* self = current_;
  self->caller = std::move(self->caller).resume();
}

void Scheduler::run() {
  for (;;) {
    while (!ready_.empty()) {
      FiberRecord* next = ready_.front();
      ready_.pop_front();
      resume(next);
    }
    if (timers_.empty()) return;
    int64_t deadline = timers_.begin()->first;
    clock_.waitUntil(deadline);
    int64_t now = clock_.nowMicros();
    while (!timers_.empty() && timers_.begin()->first <= now) {
      ready_.push_back(timers_.begin()->second);
      timers_.erase(timers_.begin());
    }
  }
}

void Scheduler::sleepUntil(int64_t micros) {
  timers_.emplace(micros, current_);
  yieldToScheduler();
}

void Scheduler::park() { yieldToScheduler(); }

void Scheduler::wake(FiberRecord* fiber) { ready_.push_back(fiber); }

}  // namespace aslrt
