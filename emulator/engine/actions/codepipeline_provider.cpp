#include "engine/actions/codepipeline_provider.hpp"

#include <fmt/format.h>

#include "model/pipeline.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::engine {

namespace {

class CodePipelineProvider final : public cfn::ResourceProvider {
 public:
  cfn::ProviderResult<cfn::Provisioned> create(const cfn::ProviderContext& ctx,
                                               const cfn::Json& props) override {
    if (auto e = codepipeline_declaration_error(props, ctx.region, ctx.ids.uuid()); !e.empty())
      return unexpected(e);
    return generic_->create(ctx, props);
  }
  cfn::ProviderResult<cfn::Provisioned> update(const cfn::ProviderContext& ctx, const cfn::Resource& current,
                                               const cfn::Json& props) override {
    if (auto e = codepipeline_declaration_error(props, ctx.region, ctx.ids.uuid()); !e.empty())
      return unexpected(e);
    return generic_->update(ctx, current, props);
  }
  cfn::ProviderResult<Ok> remove(const cfn::ProviderContext& ctx, const cfn::Resource& current) override {
    return generic_->remove(ctx, current);
  }

 private:
  std::shared_ptr<cfn::ResourceProvider> generic_ = cfn::make_generic_provider();
};

}  // namespace

std::string codepipeline_declaration_error(const cfn::Json& properties, const std::string& region,
                                           const std::string& request_id) {
  auto parsed = model::pipeline_from_cfn(model::Node::from_json(properties));
  model::Diagnostics d = parsed.diagnostics;
  if (!d.has_errors()) {
    // The rules CreatePipeline itself enforces: stages, names, artifact flow, one store per
    // action region. (Per-provider configuration keys are checked when the action runs.)
    model::validate::check_pipeline_structure(parsed.value, d);
    model::validate::check_pipeline_regions(parsed.value, region, d);
  }
  for (const auto& item : d.items()) {
    if (item.severity != model::Severity::Error) continue;
    // The exact AWS text for these is not published (aws-semantics §2.2); the code and the
    // wrapping are CloudFormation's for a CodePipeline API error.
    return fmt::format(
        "{} (Service: AWSCodePipeline; Status Code: 400; Error Code: InvalidStructureException; "
        "Request ID: {}; Proxy: null)",
        item.message, request_id);
  }
  return {};
}

std::shared_ptr<cfn::ResourceProvider> make_codepipeline_provider() {
  return std::make_shared<CodePipelineProvider>();
}

}  // namespace pipemu::engine
