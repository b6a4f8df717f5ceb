// AWS::S3::Bucket creates (and on delete removes) a real bucket in the S3 fake, in the stack's
// region, so later `aws s3 cp` / Lambda code checks see it. Generated names are lower case
// (S3 naming rules) and at most 63 characters.
#include "fakes/cloudformation/providers/naming.hpp"
#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

namespace {

Json bucket_attributes(const ProviderContext& ctx, const std::string& name) {
  const auto sfx = ctx.url_suffix();
  return Json{
      {"Arn", "arn:" + ctx.partition() + ":s3:::" + name},
      {"DomainName", name + ".s3." + sfx},
      {"RegionalDomainName", name + ".s3." + ctx.region + "." + sfx},
      {"DualStackDomainName", name + ".s3.dualstack." + ctx.region + "." + sfx},
      {"WebsiteURL", "http://" + name + ".s3-website-" + ctx.region + "." + sfx},
  };
}

class S3BucketProvider : public ResourceProvider {
 public:
  ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) override {
    auto name = physical_name(ctx, props, "BucketName", 63, true);
    if (ctx.aws.bucket_region(name)) return unexpected(name + " already exists");
    auto made = ctx.aws.create_bucket(ctx.region, name);
    if (!made) return unexpected(made.error().message);
    return Provisioned{name, bucket_attributes(ctx, name)};
  }

  ProviderResult<Provisioned> update(const ProviderContext& ctx, const Resource& current,
                                     const Json&) override {
    return Provisioned{current.physical_id, bucket_attributes(ctx, current.physical_id)};
  }

  ProviderResult<Ok> remove(const ProviderContext& ctx, const Resource& current) override {
    if (!ctx.aws.bucket_region(current.physical_id)) return Ok{};  // already gone: AWS succeeds
    auto gone = ctx.aws.delete_bucket(ctx.region, current.physical_id);
    if (!gone)
      return unexpected(gone.error().message + " (Service: Amazon S3; Status Code: " +
                        std::to_string(gone.error().status) + "; Error Code: " + gone.error().code +
                        ")");
    return Ok{};
  }
};

}  // namespace

std::shared_ptr<ResourceProvider> make_s3_bucket_provider() {
  return std::make_shared<S3BucketProvider>();
}

}  // namespace pipemu::cfn
