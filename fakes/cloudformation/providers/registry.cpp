#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

std::shared_ptr<ProviderRegistry> ProviderRegistry::with_defaults() {
  auto r = std::make_shared<ProviderRegistry>();
  r->add("AWS::S3::Bucket", make_s3_bucket_provider());
  r->add("AWS::SSM::Parameter", make_ssm_parameter_provider());
  r->add("AWS::Lambda::Function", make_lambda_function_provider());
  add_named_resource_providers(*r);
  return r;
}

ProviderRegistry::ProviderRegistry() : generic_(make_generic_provider()) {}

void ProviderRegistry::add(const std::string& type, std::shared_ptr<ResourceProvider> provider) {
  handlers_[type] = std::move(provider);
}

ResourceProvider& ProviderRegistry::for_type(const std::string& type) const {
  auto it = handlers_.find(type);
  if (it != handlers_.end()) return *it->second;
  return *generic_;
}

void ProviderRegistry::set_fault(const std::string& type, const std::string& region,
                                 const std::string& message, Operation op) {
  faults_[{type, region, static_cast<int>(op)}] = message;
}

std::optional<std::string> ProviderRegistry::fault(const std::string& type,
                                                   const std::string& region, Operation op) const {
  for (const auto& r : {region, std::string("*")}) {
    auto it = faults_.find({type, r, static_cast<int>(op)});
    if (it != faults_.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace pipemu::cfn
