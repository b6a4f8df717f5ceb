#pragma once
// Decoder for `Content-Encoding: aws-chunked` bodies (SigV4 streaming uploads and botocore's
// flexible-checksum trailer): "<hex-size>[;chunk-signature=...]\r\n<bytes>\r\n" ... "0\r\n"
// [trailer lines] "\r\n". HTTP chunked transfer is already undone by the server; this is the
// second layer. Incremental: feed() takes arbitrary slices and forwards payload bytes only.
#include <cstdint>
#include <string>

#include "fakes/core/wire.hpp"

namespace pipemu::s3 {

class AwsChunkedDecoder {
 public:
  // Returns false on malformed framing or when the sink refuses data.
  bool feed(const char* data, std::size_t n, const fakes::BodyChunk& sink);
  // True once the final zero-size chunk and its trailers were seen.
  bool finished() const { return state_ == State::Done; }
  const std::string& trailers() const { return trailers_; }

 private:
  enum class State { Header, Data, DataEnd, Trailer, Done };
  State state_ = State::Header;
  std::string line_;
  std::uint64_t remaining_ = 0;
  std::string trailers_;
};

// True when the request body is aws-chunked (Content-Encoding or the STREAMING- sha256 marker).
bool is_aws_chunked(const fakes::HttpRequest& request);

}  // namespace pipemu::s3
