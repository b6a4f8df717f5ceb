#pragma once
// An AWS error as a value, shared by every fake: the error code clients switch on, the exact
// message they print, the HTTP status the wire answers with, and protocol extras (S3's <Region>,
// <BucketName>, <Key>... elements; response headers such as x-amz-bucket-region).
#include <string>
#include <utility>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::fakes {

struct AwsError {
  std::string code;     // "NoSuchBucket", "ParameterNotFound", ...
  std::string message;  // exact AWS text where AWS has one
  int status = 400;
  std::vector<std::pair<std::string, std::string>> fields;   // extra body elements, in order
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers

  AwsError& with(std::string name, std::string value) {
    fields.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  AwsError& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  std::string field(const std::string& name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return v;
    return {};
  }
};

inline AwsError aws_error(std::string code, std::string message, int status = 400) {
  return AwsError{std::move(code), std::move(message), status, {}, {}};
}

// Result<T>: a value or an AwsError. Result<Ok> for calls that return nothing.
using pipemu::Ok;
using pipemu::unexpected;

template <class T>
using Result = Expected<T, AwsError>;

}  // namespace pipemu::fakes
