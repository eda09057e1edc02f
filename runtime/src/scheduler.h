// Cooperative fibers on one thread (Boost.Context is used only in
// scheduler.cpp). The scheduler owns the ready queue and a deadline-ordered
// timer queue; a fiber suspends itself to wait for a deadline or a wake-up.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>

#include "clock.h"

namespace aslrt {

struct FiberRecord;

class Scheduler {
 public:
  explicit Scheduler(Clock& clock);
  ~Scheduler();
  Clock& clock() { return clock_; }

  FiberRecord* spawn(std::function<void()> body);
  void run();  // until every fiber has finished
  // From inside a fiber: suspend until the clock reaches `micros`.
  void sleepUntil(int64_t micros);
  // From inside a fiber: suspend until another fiber calls wake().
  void park();
  void wake(FiberRecord* fiber);
  FiberRecord* current() const { return current_; }
  size_t liveFibers() const { return live_; }

 private:
  void resume(FiberRecord* fiber);
  void yieldToScheduler();

  Clock& clock_;
  std::deque<FiberRecord*> ready_;
  std::multimap<int64_t, FiberRecord*> timers_;
  FiberRecord* current_ = nullptr;
  size_t live_ = 0;
};

}  // namespace aslrt
