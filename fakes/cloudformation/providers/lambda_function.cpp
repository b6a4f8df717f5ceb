// AWS::Lambda::Function (and the function the SAM transform expands to): Lambda copies the code
// from S3 at create/update time, so the object must exist and its bucket must be in the
// function's region. This is the article's cross-region trap: a us-east-1 stack pointing at the
// eu-west-1 package bucket fails exactly as AWS fails it.
#include "fakes/cloudformation/providers/naming.hpp"
#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

namespace {

// CloudFormation's wrapping of a registry handler's error (RequestToken/Request ID are random).
std::string handler_error(const ProviderContext& ctx, const std::string& message) {
  return "Resource handler returned message: \"" + message +
         " (Service: Lambda, Status Code: 400, Request ID: " + ctx.ids.uuid() +
         ")\" (RequestToken: " + ctx.ids.uuid() + ", HandlerErrorCode: InvalidRequest)";
}

// Empty when the code can be fetched, else Lambda's message.
std::string check_code(const ProviderContext& ctx, const Json& props) {
  if (!props.contains("Code") || !props["Code"].is_object())
    return "Properties validation failed for resource " + ctx.logical_id +
           " with message: #: required key [Code] not found";
  const auto& code = props["Code"];
  if (code.contains("ZipFile") || code.contains("ImageUri")) return {};
  auto bucket = string_prop(code, "S3Bucket");
  auto key = string_prop(code, "S3Key");
  if (bucket.empty() || key.empty())
    return handler_error(ctx, "Please provide a source for function code.");
  auto where = ctx.aws.bucket_region(bucket);
  if (!where)
    return handler_error(ctx,
                         "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error "
                         "Message: The specified bucket does not exist");
  if (*where != ctx.region)
    return handler_error(ctx,
                         "Error occurred while GetObject. S3 Error Code: PermanentRedirect. S3 "
                         "Error Message: The bucket is in this region: " +
                             *where + ". Please use this region to retry the request");
  if (!ctx.aws.object_exists(bucket, key))
    return handler_error(ctx,
                         "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error "
                         "Message: The specified key does not exist.");
  return {};
}

Json function_attributes(const ProviderContext& ctx, const std::string& name) {
  return Json{{"Arn", "arn:" + ctx.partition() + ":lambda:" + ctx.region + ":" + ctx.account +
                          ":function:" + name}};
}

class LambdaFunctionProvider : public ResourceProvider {
 public:
  ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) override {
    if (auto err = check_code(ctx, props); !err.empty()) return unexpected(err);
    auto name = physical_name(ctx, props, "FunctionName", 64);
    return Provisioned{name, function_attributes(ctx, name)};
  }

  ProviderResult<Provisioned> update(const ProviderContext& ctx, const Resource& current,
                                     const Json& props) override {
    if (props.value("Code", Json()) != current.properties.value("Code", Json()))
      if (auto err = check_code(ctx, props); !err.empty()) return unexpected(err);
    return Provisioned{current.physical_id, function_attributes(ctx, current.physical_id)};
  }

  ProviderResult<Ok> remove(const ProviderContext&, const Resource&) override { return Ok{}; }
};

}  // namespace

std::shared_ptr<ResourceProvider> make_lambda_function_provider() {
  return std::make_shared<LambdaFunctionProvider>();
}

}  // namespace pipemu::cfn
