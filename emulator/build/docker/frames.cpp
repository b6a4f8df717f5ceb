#include "build/docker/frames.hpp"

namespace pipemu::build::docker {

void FrameDemuxer::feed(std::string_view bytes) {
  buffer_.append(bytes);
  size_t pos = 0;
  while (buffer_.size() - pos >= 8) {
    const auto* h = reinterpret_cast<const unsigned char*>(buffer_.data() + pos);
    uint32_t size = (uint32_t(h[4]) << 24) | (uint32_t(h[5]) << 16) | (uint32_t(h[6]) << 8) |
                    uint32_t(h[7]);
    if (buffer_.size() - pos - 8 < size) break;
    sink_(h[0], std::string_view(buffer_.data() + pos + 8, size));
    pos += 8 + size;
  }
  buffer_.erase(0, pos);
}

}  // namespace pipemu::build::docker
