#include "cli/execution_queue.hpp"

namespace pipemu::cli {

ExecutionQueues::~ExecutionQueues() {
  drain();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& [name, q] : queues_) q->worker.join();
}

void ExecutionQueues::submit(const std::string& pipeline, std::function<void()> job) {
  std::lock_guard lock(mutex_);
  auto& q = queues_[pipeline];
  if (!q) {
    q = std::make_unique<Queue>();
    Queue* raw = q.get();
    q->worker = std::thread([this, raw] { work(*raw); });
  }
  q->jobs.push_back(std::move(job));
  changed_.notify_all();
}

void ExecutionQueues::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] {
    for (auto& [name, q] : queues_)
      if (q->busy || !q->jobs.empty()) return false;
    return true;
  });
}

void ExecutionQueues::work(Queue& q) {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || !q.jobs.empty(); });
    if (q.jobs.empty()) return;  // stopping, nothing left
    auto job = std::move(q.jobs.front());
    q.jobs.pop_front();
    q.busy = true;
    lock.unlock();
    try {
      job();
    } catch (...) {
      // A job reports its own failures; one that throws must not take the worker down.
    }
    lock.lock();
    q.busy = false;
    changed_.notify_all();
  }
}

}  // namespace pipemu::cli
