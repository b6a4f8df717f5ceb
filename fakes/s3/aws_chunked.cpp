#include "fakes/s3/aws_chunked.hpp"

#include <charconv>

namespace pipemu::s3 {

bool is_aws_chunked(const fakes::HttpRequest& r) {
  return r.header("Content-Encoding").find("aws-chunked") != std::string::npos ||
         r.header("x-amz-content-sha256").rfind("STREAMING-", 0) == 0;
}

bool AwsChunkedDecoder::feed(const char* data, std::size_t n, const fakes::BodyChunk& sink) {
  std::size_t i = 0;
  while (i < n) {
    switch (state_) {
      case State::Header:
      case State::Trailer:
      case State::DataEnd: {
        char c = data[i++];
        if (c != '\n') {
          if (line_.size() > 4096) return false;  // no legitimate header line is this long
          line_ += c;
          break;
        }
        if (!line_.empty() && line_.back() == '\r') line_.pop_back();
        std::string line = std::move(line_);
        line_.clear();
        if (state_ == State::DataEnd) {
          if (!line.empty()) return false;
          state_ = State::Header;
        } else if (state_ == State::Header) {
          std::string size = line.substr(0, line.find(';'));
          std::uint64_t v = 0;
          auto [p, ec] = std::from_chars(size.data(), size.data() + size.size(), v, 16);
          if (ec != std::errc() || p != size.data() + size.size() || size.empty()) return false;
          remaining_ = v;
          state_ = v == 0 ? State::Trailer : State::Data;
        } else {  // trailer lines until an empty one
          if (line.empty()) {
            state_ = State::Done;
          } else {
            trailers_ += line + "\n";
          }
        }
        break;
      }
      case State::Data: {
        std::size_t take = static_cast<std::size_t>(
            std::min<std::uint64_t>(remaining_, static_cast<std::uint64_t>(n - i)));
        if (!sink(data + i, take)) return false;
        i += take;
        remaining_ -= take;
        if (remaining_ == 0) state_ = State::DataEnd;
        break;
      }
      case State::Done:
        return true;  // ignore anything after the end
    }
  }
  return true;
}

}  // namespace pipemu::s3
