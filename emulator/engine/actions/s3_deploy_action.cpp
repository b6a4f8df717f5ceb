#include "engine/actions/s3_deploy_action.hpp"

#include <fmt/format.h>

#include "engine/zip_files.hpp"

namespace pipemu::engine {

ActionOutcome S3DeployAction::run(const ActionContext& ctx) {
  std::string bucket = ctx.config("BucketName");
  std::string extract = ctx.config("Extract");
  std::string key = ctx.config("ObjectKey");
  if (bucket.empty())
    return ActionOutcome::failed("Invalid action configuration: BucketName is required", "ConfigurationError");
  if (extract != "true" && extract != "false")
    return ActionOutcome::failed("Invalid action configuration: Extract must be true or false", "ConfigurationError");
  if (extract == "false" && key.empty())
    return ActionOutcome::failed("Invalid action configuration: ObjectKey is required when Extract is false",
                                 "ConfigurationError");
  if (ctx.inputs.size() != 1)
    return ActionOutcome::failed(
        fmt::format("Action {} declares {} input artifacts; the S3 deploy action takes exactly 1",
                    ctx.action->name, ctx.inputs.size()),
        "ConfigurationError");
  auto region = s3_.bucket_region(bucket);
  if (!region)
    return ActionOutcome::failed(fmt::format("Invalid action configuration: [The bucket named {} does not exist]", bucket),
                                 "ConfigurationError");
  if (*region != ctx.region)
    return ActionOutcome::failed(
        fmt::format("Invalid action configuration: [The bucket named {} is not located in the {} AWS region]",
                    bucket, ctx.region),
        "ConfigurationError");
  const LocalArtifact& in = ctx.inputs.front();
  s3::PutOptions opts;
  if (!ctx.config("CacheControl").empty()) opts.headers["Cache-Control"] = ctx.config("CacheControl");
  int count = 0;
  if (extract == "false") {
    auto body = read_file(in.zip_path);
    if (!body) return ActionOutcome::failed(body.error());
    auto put = s3_.put_object(account_, ctx.region, bucket, key, *body, opts);
    if (!put) return ActionOutcome::failed(put.error().message);
    ctx.log(fmt::format("Uploaded s3://{}/{}", bucket, key));
    count = 1;
  } else {
    auto files = list_zip(in.zip_path);
    if (!files) return ActionOutcome::failed(files.error());
    std::string prefix = key.empty() ? "" : (key.back() == '/' ? key : key + "/");
    for (const auto& f : *files) {
      auto body = read_zip_entry(in.zip_path, f.path);
      if (!body) return ActionOutcome::failed(body.error());
      auto put = s3_.put_object(account_, ctx.region, bucket, prefix + f.path, *body, opts);
      if (!put) return ActionOutcome::failed(put.error().message);
      ctx.log(fmt::format("Uploaded s3://{}/{}{}", bucket, prefix, f.path));
      ++count;
    }
  }
  ActionOutcome o;
  o.summary = fmt::format("{} object(s) to s3://{}/{}", count, bucket, key);
  return o;
}

}  // namespace pipemu::engine
