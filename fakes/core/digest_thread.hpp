#pragma once
// Feeds chunks of a large body to a digest on a thread of its own, in order, so MD5 (the ETag),
// SHA-256 (the blob's address) and a flexible checksum run beside the socket reads and file
// writes instead of after them. On a 64 MiB PUT, MD5 alone costs about as long as receiving the
// bytes; serial hashing made the server roughly twice as slow as the transfer.
// The queue is bounded (kMaxQueued chunks), so a slow digest back-pressures the reader and memory
// stays bounded per upload.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace pipemu::fakes {

class DigestThread {
 public:
  using Update = std::function<void(const char* data, std::size_t n)>;
  static constexpr std::size_t kMaxQueued = 4;

  explicit DigestThread(Update update);
  ~DigestThread();  // drains and joins
  DigestThread(const DigestThread&) = delete;
  DigestThread& operator=(const DigestThread&) = delete;

  void push(std::shared_ptr<const std::string> chunk);
  // Returns once every pushed chunk has been digested.
  void finish();

 private:
  void loop();
  Update update_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace pipemu::fakes
