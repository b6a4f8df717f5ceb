// ValidateTemplate and GetTemplateSummary: what a template declares, without a stack.
#include <set>

#include "fakes/cloudformation/service_impl.hpp"
#include "fakes/cloudformation/template/capabilities.hpp"
#include "fakes/cloudformation/template/catalog.hpp"
#include "fakes/cloudformation/template/transform.hpp"
#include "fakes/cloudformation/template/validate.hpp"

namespace pipemu::cfn {

namespace {

bool recognised(const std::string& type) {
  return find_resource_type(type) || type.rfind("AWS::Serverless::", 0) == 0 ||
         type.rfind("Custom::", 0) == 0 || type == "AWS::CloudFormation::CustomResource";
}

ApiResult<TemplateSummary> summarise(Env& env, const std::string& body, bool validate) {
  auto original = parse_template_text(body);
  if (!original) return unexpected(from_template(original.error()));
  StackInfo info;
  info.region = env.region;
  info.account_id = env.account;
  info.stack_name = "stack";
  info.stack_id = "arn:aws:cloudformation:" + env.region + ":" + env.account + ":stack/stack/x";
  auto processed = process_transforms(original->root, info);
  if (!processed) return unexpected(from_template(processed.error()));
  if (validate) {
    auto tpl = parse_template(*processed);
    if (!tpl) return unexpected(from_template(tpl.error()));
    if (auto ok = validate_template(*tpl); !ok) return unexpected(from_template(ok.error()));
  }

  TemplateSummary s;
  s.description = original->description;
  s.version = original->format_version;
  s.declared_transforms = original->transforms;
  if (!original->metadata.is_null()) s.metadata = original->metadata.to_json().dump();
  for (const auto& p : original->parameters) {
    TemplateParameterInfo t;
    t.key = p.name;
    t.default_value = p.default_value;
    t.no_echo = p.no_echo;
    t.description = p.description;
    t.type = p.type;
    t.allowed = p.allowed_values;
    s.parameters.push_back(std::move(t));
  }
  std::set<std::string> types, unknown;
  for (const auto& r : original->resources) {
    types.insert(r.type);
    if (!recognised(r.type)) unknown.insert(r.type);
  }
  s.resource_types.assign(types.begin(), types.end());
  s.unrecognized_types.assign(unknown.begin(), unknown.end());
  s.capabilities = required_capabilities(original->root, *processed);
  std::set<std::string> iam;
  if (auto tpl = parse_template(*processed))
    for (const auto& r : tpl->resources)
      if (r.type.rfind("AWS::IAM::", 0) == 0) iam.insert(r.type);
  if (!iam.empty()) {
    std::string list;
    for (const auto& t : iam) list += (list.empty() ? "" : ", ") + t;
    s.capabilities_reason = "The following resource(s) require capabilities: [" + list + "]";
  }
  return s;
}

}  // namespace

ApiResult<TemplateSummary> Service::get_template_summary(const Caller& c, const StackInput& in) {
  return impl_->in_region(c, "GetTemplateSummary", [&](Env& env) -> ApiResult<TemplateSummary> {
    if (!in.stack_name.empty() && !in.template_body && !in.template_url) {
      auto s = require_stack(env, in.stack_name);
      if (!s) return unexpected(s.error());
      if (s->template_body.empty()) return unexpected(stack_not_found(in.stack_name));
      return summarise(env, s->template_body, false);
    }
    auto body = template_source(env, in, nullptr);
    if (!body) return unexpected(body.error());
    return summarise(env, *body, false);
  });
}

ApiResult<TemplateSummary> Service::validate_template(const Caller& c, const StackInput& in) {
  return impl_->in_region(c, "ValidateTemplate", [&](Env& env) -> ApiResult<TemplateSummary> {
    auto body = template_source(env, in, nullptr);
    if (!body) return unexpected(body.error());
    return summarise(env, *body, true);
  });
}

}  // namespace pipemu::cfn
