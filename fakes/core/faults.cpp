#include "fakes/core/faults.hpp"

#include <thread>

namespace pipemu::fakes {

namespace {
bool match(const std::string& pattern, const std::string& value) {
  return pattern == "*" || pattern == value;
}
}  // namespace

void Faults::add(FaultRule rule) {
  std::lock_guard lock(mutex_);
  rules_.push_back(std::move(rule));
  any_ = true;
}

void Faults::clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
  any_ = false;
}

std::optional<AwsError> Faults::check(const std::string& region, const std::string& service,
                                      const std::string& operation) {
  if (!any_) return std::nullopt;
  std::chrono::milliseconds delay{0};
  std::optional<AwsError> error;
  {
    std::lock_guard lock(mutex_);
    for (auto it = rules_.begin(); it != rules_.end(); ++it) {
      if (!match(it->region, region) || !match(it->service, service) ||
          !match(it->operation, operation))
        continue;
      if (it->kind == FaultRule::Kind::Slow) {
        delay += it->delay;
      } else if (!error) {
        if (it->kind == FaultRule::Kind::Unavailable)
          error = aws_error("ServiceUnavailable", "Service is unavailable in " + region, 503);
        else if (service == "s3")
          error = aws_error("SlowDown", "Please reduce your request rate.", 503);
        else if (service == "cloudformation")  // the query protocol's code
          error = aws_error("Throttling", "Rate exceeded", 400);
        else
          error = aws_error("ThrottlingException", "Rate exceeded", 400);
      } else {
        continue;
      }
      if (it->times > 0 && --it->times == 0) {
        rules_.erase(it);
        break;
      }
    }
    any_ = !rules_.empty();
  }
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
  return error;
}

}  // namespace pipemu::fakes
