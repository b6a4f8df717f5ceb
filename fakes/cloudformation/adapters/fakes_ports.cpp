#include "fakes/cloudformation/adapters/fakes_ports.hpp"

#include "fakes/cloudformation/service.hpp"

namespace pipemu::cfn {

std::optional<std::string> FakesPorts::bucket_region(const std::string& bucket) {
  auto r = s3_.bucket_region(bucket);
  if (!r) return std::nullopt;
  return *r;
}

bool FakesPorts::object_exists(const std::string& bucket, const std::string& key) {
  auto region = bucket_region(bucket);
  return region && s3_.head_object(account_, *region, bucket, key).has_value();
}

std::optional<std::string> FakesPorts::get_object(const std::string& bucket,
                                                  const std::string& key) {
  auto region = bucket_region(bucket);
  if (!region) return std::nullopt;
  auto body = s3_.get_object_text(account_, *region, bucket, key);
  if (!body) return std::nullopt;
  return *body;
}

ApiResult<Ok> FakesPorts::create_bucket(const std::string& region, const std::string& bucket) {
  std::optional<std::string> constraint;
  if (region != "us-east-1") constraint = region;
  auto r = s3_.create_bucket(account_, region, bucket, constraint);
  if (!r) return unexpected(r.error());
  return Ok{};
}

ApiResult<Ok> FakesPorts::delete_bucket(const std::string& region, const std::string& bucket) {
  auto r = s3_.delete_bucket(account_, region, bucket);
  if (!r) return unexpected(r.error());
  return Ok{};
}

std::optional<std::string> FakesPorts::ssm_get(const std::string& region,
                                               const std::string& name) {
  auto p = ssm_.get_parameter(account_, region, name, true);
  if (!p) return std::nullopt;
  return p->value;
}

ApiResult<Ok> FakesPorts::ssm_put(const std::string& region, const std::string& name,
                                  const std::string& value, const std::string& type,
                                  bool overwrite) {
  ssm::PutParameterRequest req;
  req.name = name;
  req.value = value;
  req.type = type;
  req.overwrite = overwrite;
  auto r = ssm_.put_parameter(account_, region, req);
  if (!r) return unexpected(r.error());
  return Ok{};
}

ApiResult<Ok> FakesPorts::ssm_delete(const std::string& region, const std::string& name) {
  auto r = ssm_.delete_parameter(account_, region, name);
  if (!r) return unexpected(r.error());
  return Ok{};
}

}  // namespace pipemu::cfn

namespace pipemu::cfn {

namespace {
struct PortsAndService {
  PortsAndService(fakes::Registry& registry, s3::Service& s3, ssm::Service& ssm,
                  std::shared_ptr<ProviderRegistry> providers)
      : ports(s3, ssm),
        service([&registry](const std::string& region) -> fakes::Database& {
                  return registry.region(region);
                },
                ports, providers ? std::move(providers) : ProviderRegistry::with_defaults()) {}
  FakesPorts ports;
  Service service;
};
}  // namespace

std::shared_ptr<Service> make_service(fakes::Registry& registry, s3::Service& s3,
                                      ssm::Service& ssm,
                                      std::shared_ptr<ProviderRegistry> providers) {
  auto both = std::make_shared<PortsAndService>(registry, s3, ssm, std::move(providers));
  both->service.use_faults(&registry.faults());
  return std::shared_ptr<Service>(both, &both->service);
}

}  // namespace pipemu::cfn
