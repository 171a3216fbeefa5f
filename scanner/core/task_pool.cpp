#include "scanner/core/task_pool.h"

namespace pedigree {

TaskPool::TaskPool(unsigned threads) : max_queued_(threads * 4) {
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { worker(); });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void TaskPool::submit(std::function<void()> task) {
  {
    std::unique_lock lock(mu_);
    if (!threads_.empty() && queue_.size() < max_queued_) {
      queue_.push_back(std::move(task));
      work_cv_.notify_one();
      return;
    }
  }
  task();  // pool busy (or no threads): run here, depth-first
}

void TaskPool::wait_idle() {
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return queue_.empty() && running_ == 0; });
}

void TaskPool::worker() {
  std::unique_lock lock(mu_);
  while (true) {
    work_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping
    auto task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    task();
    lock.lock();
    --running_;
    if (queue_.empty() && running_ == 0) idle_cv_.notify_all();
  }
}

}  // namespace pedigree
