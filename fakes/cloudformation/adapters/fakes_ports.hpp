#pragma once
// AwsPorts over pipemu's own S3 and SSM fakes: what CloudFormation resources do to buckets and
// parameters lands in the same state the CLI and the build see. One account per adapter.
#include <memory>
#include <string>

#include "fakes/cloudformation/ports.hpp"
#include "fakes/s3/service.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::cfn {

class FakesPorts : public AwsPorts {
 public:
  FakesPorts(s3::Service& s3, ssm::Service& ssm, std::string account = "123456789012")
      : s3_(s3), ssm_(ssm), account_(std::move(account)) {}

  std::optional<std::string> bucket_region(const std::string& bucket) override;
  bool object_exists(const std::string& bucket, const std::string& key) override;
  std::optional<std::string> get_object(const std::string& bucket, const std::string& key) override;
  ApiResult<Ok> create_bucket(const std::string& region, const std::string& bucket) override;
  ApiResult<Ok> delete_bucket(const std::string& region, const std::string& bucket) override;
  std::optional<std::string> ssm_get(const std::string& region, const std::string& name) override;
  ApiResult<Ok> ssm_put(const std::string& region, const std::string& name,
                        const std::string& value, const std::string& type,
                        bool overwrite) override;
  ApiResult<Ok> ssm_delete(const std::string& region, const std::string& name) override;

 private:
  s3::Service& s3_;
  ssm::Service& ssm_;
  std::string account_;
};

}  // namespace pipemu::cfn

namespace pipemu::cfn {

class Service;
class ProviderRegistry;

// A CloudFormation service whose resources act on the registry's S3 and SSM fakes (what the
// emulator's deploy actions and `pipemu serve` use). `s3` and `ssm` must outlive the result.
std::shared_ptr<Service> make_service(fakes::Registry& registry, s3::Service& s3,
                                      ssm::Service& ssm,
                                      std::shared_ptr<ProviderRegistry> providers = nullptr);

}  // namespace pipemu::cfn
