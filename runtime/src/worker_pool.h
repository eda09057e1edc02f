// Threads for work that may block (bound commands, native handlers): a pool
// that grows on demand -- a submitted job never waits for another job to
// finish, so Parallel branches and Map iterations still run their tasks at
// once -- and keeps idle threads for a while, so a hot Task loop pays a
// hand-off instead of creating a thread per call.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace aslrt {

class WorkerPool {
 public:
  explicit WorkerPool(std::chrono::milliseconds idleTimeout);
  // Waits for the jobs already submitted, then joins every thread.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `job` on a pool thread: an idle one, or a new one when none is
  // idle. `job` must not throw.
  void submit(std::function<void()> job);

  size_t threads();  // alive now (busy or idle)
  size_t idle();     // waiting for a job

  // The process's pool (never destroyed: an idle thread must not hold up exit).
  static WorkerPool& shared();

 private:
  void work();
  void reapExited();

  const std::chrono::milliseconds idleTimeout_;
  std::mutex mutex_;
  std::condition_variable jobReady_;
  std::deque<std::function<void()>> jobs_;
  size_t idle_ = 0;
  bool stopping_ = false;
  std::map<std::thread::id, std::thread> threads_;
  std::vector<std::thread::id> exited_;  // left after idling too long; joined by the next submit
};

}  // namespace aslrt
