#include "worker_pool.h"

namespace aslrt {

// How long a pool thread waits for another job before it ends.
constexpr std::chrono::milliseconds kSharedIdleTimeout{5000};

WorkerPool::WorkerPool(std::chrono::milliseconds idleTimeout) : idleTimeout_(idleTimeout) {}

WorkerPool::~WorkerPool() {
  std::map<std::thread::id, std::thread> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    all.swap(threads_);
  }
  jobReady_.notify_all();
  for (auto& [id, t] : all) t.join();
}

WorkerPool& WorkerPool::shared() {
  static WorkerPool* pool = new WorkerPool(kSharedIdleTimeout);
  return *pool;
}

void WorkerPool::submit(std::function<void()> job) {
  reapExited();
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(job));
  // Every queued job needs a thread of its own that is free now: an idle
  // one, or a new one. (A busy thread that finishes first may take the job
  // instead; then the idle thread just waits on.)
  if (idle_ < jobs_.size()) {
    std::thread t([this] { work(); });
    threads_.emplace(t.get_id(), std::move(t));
    return;
  }
  jobReady_.notify_one();
}

void WorkerPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      job = nullptr;  // its captures go before the thread counts as free
      lock.lock();
      continue;
    }
    if (stopping_) return;
    ++idle_;
    bool woken = jobReady_.wait_for(lock, idleTimeout_, [&] { return stopping_ || !jobs_.empty(); });
    --idle_;
    if (!woken) break;  // idle too long, and no job queued (checked under the lock)
  }
  exited_.push_back(std::this_thread::get_id());
}

// Joins the threads that ended after idling (they only unlock and return).
void WorkerPool::reapExited() {
  std::vector<std::thread> done;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::thread::id id : exited_) {
      auto it = threads_.find(id);
      if (it == threads_.end()) continue;
      done.push_back(std::move(it->second));
      threads_.erase(it);
    }
    exited_.clear();
  }
  for (std::thread& t : done) t.join();
}

size_t WorkerPool::threads() {
  std::lock_guard<std::mutex> lock(mutex_);
  return threads_.size() - exited_.size();
}

size_t WorkerPool::idle() {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_;
}

}  // namespace aslrt
