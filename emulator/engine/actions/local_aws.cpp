#include "engine/actions/local_aws.hpp"

namespace pipemu::engine {

std::optional<std::string> FakesAwsPorts::bucket_region(const std::string& bucket) {
  auto r = s3_.bucket_region(bucket);
  if (!r) return std::nullopt;
  return *r;
}

bool FakesAwsPorts::object_exists(const std::string& bucket, const std::string& key) {
  auto region = bucket_region(bucket);
  return region && s3_.head_object(account_, *region, bucket, key).has_value();
}

std::optional<std::string> FakesAwsPorts::get_object(const std::string& bucket, const std::string& key) {
  auto region = bucket_region(bucket);
  if (!region) return std::nullopt;
  auto body = s3_.get_object_text(account_, *region, bucket, key);
  if (!body) return std::nullopt;
  return *body;
}

cfn::ApiResult<Ok> FakesAwsPorts::create_bucket(const std::string& region, const std::string& bucket) {
  std::optional<std::string> constraint;
  if (region != "us-east-1") constraint = region;  // AWS's LocationConstraint rule
  auto r = s3_.create_bucket(account_, region, bucket, constraint);
  if (!r) return unexpected(r.error());
  return Ok{};
}

cfn::ApiResult<Ok> FakesAwsPorts::delete_bucket(const std::string& region, const std::string& bucket) {
  auto r = s3_.delete_bucket(account_, region, bucket);
  if (!r) return unexpected(r.error());
  return Ok{};
}

std::optional<std::string> FakesAwsPorts::ssm_get(const std::string& region, const std::string& name) {
  auto p = ssm_.get_parameter(account_, region, name, true);
  if (!p) return std::nullopt;
  return p->value;
}

cfn::ApiResult<Ok> FakesAwsPorts::ssm_put(const std::string& region, const std::string& name,
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

cfn::ApiResult<Ok> FakesAwsPorts::ssm_delete(const std::string& region, const std::string& name) {
  auto r = ssm_.delete_parameter(account_, region, name);
  if (!r) return unexpected(r.error());
  return Ok{};
}

LocalAws::LocalAws(std::optional<std::filesystem::path> state_dir, std::string account)
    : account_(std::move(account)) {
  fakes::Registry::Options opts;
  opts.state_dir = std::move(state_dir);
  registry_ = std::make_unique<fakes::Registry>(opts);
  s3_ = std::make_unique<s3::Service>(*registry_);
  ssm_ = std::make_unique<ssm::Service>(*registry_);
  ports_ = std::make_unique<FakesAwsPorts>(*s3_, *ssm_, account_);
  fakes::Registry* reg = registry_.get();
  cfn_ = std::make_unique<cfn::Service>(
      [reg](const std::string& region) -> fakes::Database& { return reg->region(region); }, *ports_,
      cfn::ProviderRegistry::with_defaults());
}

}  // namespace pipemu::engine
