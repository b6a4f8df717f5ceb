#pragma once
// A CloudFormation service over in-memory regional databases (fakes::Registry) with pipemu's
// real S3 and SSM fakes behind its resources (the adapter the emulator uses), plus shorthands to
// seed those fakes and read what resources did to them.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fakes/cloudformation/adapters/fakes_ports.hpp"
#include "fakes/cloudformation/service.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/s3/service.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::cfn::test {

inline const std::string kAccount = "123456789012";

// The S3 and SSM fakes of one account. Shorthands fail the test on an API error.
struct RegionalFakes {
  explicit RegionalFakes(fakes::Registry& registry) : s3(registry), ssm(registry) {}
  s3::Service s3;
  ssm::Service ssm;

  void bucket(const std::string& region, const std::string& name);
  void put_object(const std::string& bucket, const std::string& key, const std::string& body = "zip");
  void empty_bucket(const std::string& bucket);
  std::map<std::string, std::string> buckets();  // name -> region

  void put_parameter(const std::string& region, const std::string& name, const std::string& value);
  void delete_parameters(const std::string& region);
  std::map<std::string, std::string> parameters(const std::string& region);  // name -> value
};

struct World {
  fakes::Registry registry;  // in-memory
  RegionalFakes aws{registry};
  FakesPorts ports{aws.s3, aws.ssm, kAccount};
  std::shared_ptr<ProviderRegistry> providers = ProviderRegistry::with_defaults();
  Service cfn;

  World();
  static Caller in(const std::string& region) { return Caller{kAccount, region}; }

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
