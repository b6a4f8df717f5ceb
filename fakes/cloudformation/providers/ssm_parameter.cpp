// AWS::SSM::Parameter writes the parameter into the region's SSM fake (so a later stack's
// AWS::SSM::Parameter::Value<String> parameter or a buildspec's parameter-store env sees it).
// Without Name, CloudFormation generates "CFN-<LogicalId>-<RANDOM>".
#include "fakes/cloudformation/providers/naming.hpp"
#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::cfn {

namespace {

std::string value_of(const Json& props) {
  if (!props.contains("Value")) return {};
  const auto& v = props["Value"];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {  // StringList given as a list
    std::string out;
    for (const auto& item : v) out += (out.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
    return out;
  }
  return v.dump();
}

class SsmParameterProvider : public ResourceProvider {
 public:
  ProviderResult<Provisioned> create(const ProviderContext& ctx, const Json& props) override {
    auto name = string_prop(props, "Name");
    if (name.empty()) name = "CFN-" + ctx.logical_id + "-" + ctx.ids.suffix(12);
    auto type = string_prop(props, "Type");
    if (type.empty()) type = "String";
    if (type == "SecureString")
      return unexpected(std::string("SSM Secure reference is not supported in: [AWS::SSM::Parameter/Properties/Type]"));
    auto value = value_of(props);
    if (value.empty())
      return unexpected(std::string("Properties validation failed for resource ") + ctx.logical_id +
                        " with message: #: required key [Value] not found");
    if (ctx.aws.ssm_get(ctx.region, name)) return unexpected(name + " already exists");
    auto put = ctx.aws.ssm_put(ctx.region, name, value, type, false);
    if (!put) return unexpected(put.error().message);
    return Provisioned{name, Json{{"Type", type}, {"Value", value}}};
  }

  ProviderResult<Provisioned> update(const ProviderContext& ctx, const Resource& current,
                                     const Json& props) override {
    auto type = string_prop(props, "Type");
    if (type.empty()) type = "String";
    auto value = value_of(props);
    auto put = ctx.aws.ssm_put(ctx.region, current.physical_id, value, type, true);
    if (!put) return unexpected(put.error().message);
    return Provisioned{current.physical_id, Json{{"Type", type}, {"Value", value}}};
  }

  ProviderResult<Ok> remove(const ProviderContext& ctx, const Resource& current) override {
    if (!ctx.aws.ssm_get(ctx.region, current.physical_id)) return Ok{};
    auto gone = ctx.aws.ssm_delete(ctx.region, current.physical_id);
    if (!gone) return unexpected(gone.error().message);
    return Ok{};
  }
};

}  // namespace

std::shared_ptr<ResourceProvider> make_ssm_parameter_provider() {
  return std::make_shared<SsmParameterProvider>();
}

}  // namespace pipemu::cfn
