#include "fakes/core/digest_thread.hpp"

namespace pipemu::fakes {

DigestThread::DigestThread(Update update)
    : update_(std::move(update)), thread_([this] { loop(); }) {}

DigestThread::~DigestThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void DigestThread::push(std::shared_ptr<const std::string> chunk) {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
  queue_.push_back(std::move(chunk));
  cv_.notify_all();
}

void DigestThread::finish() {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void DigestThread::loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    if (queue_.empty()) return;  // stopping, drained
    auto chunk = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    cv_.notify_all();  // a pusher may wait for room
    lock.unlock();
    update_(chunk->data(), chunk->size());
    chunk.reset();
    lock.lock();
    busy_ = false;
    cv_.notify_all();
  }
}

}  // namespace pipemu::fakes
