#pragma once
// Deploy/AWS/S3/1: the input artifact into BucketName, extracted (Extract true: every file under
// the optional ObjectKey prefix) or as one object ObjectKey. The bucket must exist in the
// action's region (AWS: "Invalid action configuration: [The bucket named X is not located in the
// R AWS region]").
#include "engine/ports.hpp"
#include "fakes/s3/service.hpp"

namespace pipemu::engine {

class S3DeployAction final : public ActionExecutor {
 public:
  S3DeployAction(s3::Service& s3, std::string account) : s3_(s3), account_(std::move(account)) {}
  ActionOutcome run(const ActionContext& ctx) override;

 private:
  s3::Service& s3_;
  std::string account_;
};

}  // namespace pipemu::engine
