#include "engine/actions/local_aws.hpp"

#include "engine/actions/codepipeline_provider.hpp"

namespace pipemu::engine {

LocalAws::LocalAws(std::optional<std::filesystem::path> state_dir, std::string account)
    : account_(std::move(account)) {
  fakes::Registry::Options opts;
  opts.state_dir = std::move(state_dir);
  registry_ = std::make_unique<fakes::Registry>(opts);
  s3_ = std::make_unique<s3::Service>(*registry_);
  ssm_ = std::make_unique<ssm::Service>(*registry_);
  ports_ = std::make_unique<cfn::FakesPorts>(*s3_, *ssm_, account_);
  fakes::Registry* reg = registry_.get();
  auto providers = cfn::ProviderRegistry::with_defaults();
  // CreatePipeline's structural checks, so a pipeline stack with a bad declaration fails as on AWS.
  providers->add("AWS::CodePipeline::Pipeline", make_codepipeline_provider());
  cfn_ = std::make_shared<cfn::Service>(
      [reg](const std::string& region) -> fakes::Database& { return reg->region(region); }, *ports_,
      std::move(providers));
  // The fault rules apply to CloudFormation calls as to S3 and SSM ones (scenario faults).
  cfn_->use_faults(&registry_->faults());
}

}  // namespace pipemu::engine
