#pragma once
// Background executions for `pipemu serve`, one FIFO worker per pipeline: a delivery returns at
// once, and two pushes to the same pipeline run one after the other (they share the pipeline's
// stacks and artifact store), while different pipelines run side by side.
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace pipemu::cli {

class ExecutionQueues {
 public:
  ExecutionQueues() = default;
  ExecutionQueues(const ExecutionQueues&) = delete;
  ExecutionQueues& operator=(const ExecutionQueues&) = delete;
  // Finishes the running jobs and every job already queued, then joins the workers.
  ~ExecutionQueues();
  void submit(const std::string& pipeline, std::function<void()> job);
  // Blocks until every queue is empty and idle (tests, shutdown).
  void drain();

 private:
  struct Queue {
    std::deque<std::function<void()>> jobs;
    bool busy = false;
    std::thread worker;
  };
  void work(Queue& q);
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::unique_ptr<Queue>> queues_;
  bool stopping_ = false;
};

}  // namespace pipemu::cli
