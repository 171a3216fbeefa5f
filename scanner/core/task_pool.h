// A fixed pool of worker threads for independent unpacking work.
//
// Tasks never wait for other tasks (no deadlock by construction): a task
// that produces more work submits it. When the queue is long, submit() runs
// the task inline instead, so a container with thousands of members does not
// hold them all in memory at once.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pedigree {

class TaskPool {
 public:
  /// threads == 0 runs every task inline on the caller's thread.
  explicit TaskPool(unsigned threads);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  void submit(std::function<void()> task);
  /// Blocks until every submitted task (and every task they submitted) ran.
  void wait_idle();

 private:
  void worker();

  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  std::size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace pedigree
