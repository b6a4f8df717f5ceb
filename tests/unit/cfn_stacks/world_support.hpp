#pragma once
// A CloudFormation service over in-memory regional databases (fakes::Registry) and an
// in-memory stand-in for the S3 and SSM fakes, so tests can see what resources did to them.
#include <map>
#include <memory>
#include <set>
#include <string>

#include "fakes/cloudformation/service.hpp"
#include "fakes/core/registry.hpp"

namespace pipemu::cfn::test {

class MemoryAws : public AwsPorts {
 public:
  std::map<std::string, std::string> buckets;                 // bucket -> region
  std::map<std::string, std::map<std::string, std::string>> objects;  // bucket -> key -> body
  std::map<std::string, std::map<std::string, std::string>> ssm;      // region -> name -> value

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

  void put_object(const std::string& bucket, const std::string& key, std::string body = "zip");
};

struct World {
  fakes::Registry registry;  // in-memory
  MemoryAws aws;
  std::shared_ptr<ProviderRegistry> providers = ProviderRegistry::with_defaults();
  Service cfn;

  World();
  static Caller in(const std::string& region) { return Caller{"123456789012", region}; }

  // Shorthands that fail the test on an API error.
  std::string create(const std::string& region, const std::string& name, const std::string& body,
                     std::vector<ParameterInput> params = {},
                     std::vector<std::string> caps = {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"});
  Stack stack(const std::string& region, const std::string& name);
  std::vector<std::string> event_lines(const std::string& region, const std::string& name);
};

// Reads tests/unit/cfn_stacks/templates/<name>.
std::string fixture(const std::string& name);

}  // namespace pipemu::cfn::test
