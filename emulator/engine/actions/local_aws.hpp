#pragma once
// The regional fakes one `pipemu run` (or `pipemu state`) works against, in-process: one
// registry (per-region SQLite under the state dir, or in memory), the S3, SSM and CloudFormation
// services, and the ports CloudFormation's resources use to reach S3 and SSM. The same state
// directory `pipemu serve --state DIR` uses.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "fakes/cloudformation/adapters/fakes_ports.hpp"
#include "fakes/cloudformation/service.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/s3/service.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::engine {

class LocalAws {
 public:
  // nullopt: in memory (tests).
  explicit LocalAws(std::optional<std::filesystem::path> state_dir,
                    std::string account = fakes::kDefaultAccount);
  fakes::Registry& registry() { return *registry_; }
  s3::Service& s3() { return *s3_; }
  ssm::Service& ssm() { return *ssm_; }
  cfn::Service& cloudformation() { return *cfn_; }
  // The same service, for the loopback server: a build's HTTP calls then meet the same resource
  // providers (and their scenario faults) as the deploy actions' in-process calls.
  std::shared_ptr<cfn::Service> shared_cloudformation() { return cfn_; }
  const std::string& account() const { return account_; }

 private:
  std::string account_;
  std::unique_ptr<fakes::Registry> registry_;
  std::unique_ptr<s3::Service> s3_;
  std::unique_ptr<ssm::Service> ssm_;
  std::unique_ptr<cfn::FakesPorts> ports_;  // CloudFormation's view of S3 and SSM
  std::shared_ptr<cfn::Service> cfn_;
};

}  // namespace pipemu::engine
