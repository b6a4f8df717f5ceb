#pragma once
// The regional fakes one `pipemu run` (or `pipemu state`) works against, in-process: one
// registry (per-region SQLite under the state dir, or in memory), the S3, SSM and CloudFormation
// services, and the ports CloudFormation's resources use to reach S3 and SSM. The same state
// directory `pipemu serve --state DIR` uses.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "fakes/cloudformation/service.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/s3/service.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::engine {

// CloudFormation's view of the S3 and SSM fakes.
class FakesAwsPorts final : public cfn::AwsPorts {
 public:
  FakesAwsPorts(s3::Service& s3, ssm::Service& ssm, std::string account)
      : s3_(s3), ssm_(ssm), account_(std::move(account)) {}
  std::optional<std::string> bucket_region(const std::string& bucket) override;
  bool object_exists(const std::string& bucket, const std::string& key) override;
  std::optional<std::string> get_object(const std::string& bucket, const std::string& key) override;
  cfn::ApiResult<Ok> create_bucket(const std::string& region, const std::string& bucket) override;
  cfn::ApiResult<Ok> delete_bucket(const std::string& region, const std::string& bucket) override;
  std::optional<std::string> ssm_get(const std::string& region, const std::string& name) override;
  cfn::ApiResult<Ok> ssm_put(const std::string& region, const std::string& name, const std::string& value,
                             const std::string& type, bool overwrite) override;
  cfn::ApiResult<Ok> ssm_delete(const std::string& region, const std::string& name) override;

 private:
  s3::Service& s3_;
  ssm::Service& ssm_;
  std::string account_;
};

class LocalAws {
 public:
  // nullopt: in memory (tests).
  explicit LocalAws(std::optional<std::filesystem::path> state_dir,
                    std::string account = fakes::kDefaultAccount);
  fakes::Registry& registry() { return *registry_; }
  s3::Service& s3() { return *s3_; }
  ssm::Service& ssm() { return *ssm_; }
  cfn::Service& cloudformation() { return *cfn_; }
  const std::string& account() const { return account_; }

 private:
  std::string account_;
  std::unique_ptr<fakes::Registry> registry_;
  std::unique_ptr<s3::Service> s3_;
  std::unique_ptr<ssm::Service> ssm_;
  std::unique_ptr<FakesAwsPorts> ports_;
  std::unique_ptr<cfn::Service> cfn_;
};

}  // namespace pipemu::engine
