#pragma once
// Docker's multiplexed stream format (container logs without a TTY): each frame is an 8-byte
// header {stream, 0, 0, 0, size as big-endian uint32} and `size` bytes of payload. Chunks from
// the HTTP body split frames anywhere, so the demuxer keeps state between feeds.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace pipemu::build::docker {

class FrameDemuxer {
 public:
  // stream: 1 stdout, 2 stderr (0 stdin is never sent by logs).
  using Sink = std::function<void(int stream, std::string_view payload)>;
  explicit FrameDemuxer(Sink sink) : sink_(std::move(sink)) {}
  void feed(std::string_view bytes);
  // True when a partial frame is buffered (the stream ended mid-frame).
  bool pending() const { return !buffer_.empty(); }

 private:
  Sink sink_;
  std::string buffer_;
};

}  // namespace pipemu::build::docker
