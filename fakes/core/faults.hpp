#pragma once
// Fault injection: rules that make calls to a region / service / operation fail or slow down,
// for testing how the pipeline copes ("eu-west-1 S3 is unavailable", "throttle GetParameter 3
// times"). Services call check() at the start of each operation; an empty rule set costs one
// atomic load.
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fakes/core/aws_error.hpp"

namespace pipemu::fakes {

struct FaultRule {
  enum class Kind { Unavailable, Throttle, Slow };
  Kind kind = Kind::Unavailable;
  std::string region = "*";     // "*" matches any
  std::string service = "*";    // "s3", "ssm", "cloudformation"
  std::string operation = "*";  // "GetParameter", "PutObject", ...
  int times = -1;               // how many calls it hits; -1 = until cleared
  std::chrono::milliseconds delay{0};  // Slow: added latency
};

class Faults {
 public:
  void add(FaultRule rule);
  void clear();
  // The error this call must fail with, if any (Slow rules sleep here and return nothing).
  std::optional<AwsError> check(const std::string& region, const std::string& service,
                                const std::string& operation);

 private:
  std::mutex mutex_;
  std::vector<FaultRule> rules_;
  std::atomic<bool> any_{false};
};

}  // namespace pipemu::fakes
