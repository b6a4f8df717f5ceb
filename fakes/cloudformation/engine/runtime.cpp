#include "fakes/cloudformation/engine/runtime.hpp"

namespace pipemu::cfn {

namespace {
constexpr const char* kPlaceholderPrefix = "{{pipemu:unresolved:";
}

std::string placeholder(const std::string& what) { return kPlaceholderPrefix + what + "}}"; }

bool has_placeholder(const Json& value) {
  if (value.is_string()) return value.get<std::string>().find(kPlaceholderPrefix) != std::string::npos;
  if (value.is_array() || value.is_object()) {
    for (const auto& v : value)
      if (has_placeholder(v)) return true;
  }
  return false;
}

Json to_properties(const model::Node& node) {
  if (node.is_null()) return Json::object();
  return node.to_json();
}

StackInfo stack_info(const Env& env, const Stack& stack) {
  StackInfo info;
  info.region = env.region;
  info.account_id = env.account;
  info.stack_name = stack.name;
  info.stack_id = stack.id;
  info.notification_arns = stack.notification_arns;
  return info;
}

EvalContext Runtime::context(Env& env, const Stack& stack) {
  EvalContext ctx;
  ctx.stack = stack_info(env, stack);
  ctx.callbacks.ref_resource = [this](const std::string& id) -> Result<std::string> {
    if (unknown_refs.count(id)) return placeholder(id);
    auto it = resources.find(id);
    if (it == resources.end() || it->second.physical_id.empty())
      return fail("Template error: resource " + id + " is not available yet");
    return it->second.physical_id;
  };
  ctx.callbacks.get_att = [this](const std::string& id,
                                 const std::string& attribute) -> Result<model::Node> {
    if (unknown_attributes.count(id) || unknown_refs.count(id))
      return model::Node::scalar(placeholder(id + "." + attribute));
    auto it = resources.find(id);
    if (it == resources.end())
      return fail("Template error: instance of Fn::GetAtt references undefined resource " + id);
    const auto& attrs = it->second.attributes;
    if (attribute.rfind("__", 0) == 0 || !attrs.contains(attribute))
      return fail("Template error: resource " + id + " does not support attribute type " +
                  attribute + " in Fn::GetAtt");
    const auto& v = attrs[attribute];
    if (v.is_array()) {
      auto seq = model::Node::sequence();
      for (const auto& item : v)
        seq.push(model::Node::scalar(item.is_string() ? item.get<std::string>() : item.dump()));
      return seq;
    }
    return model::Node::scalar(v.is_string() ? v.get<std::string>() : v.dump());
  };
  ctx.callbacks.import_value = [this, &env](const std::string& name) -> std::optional<std::string> {
    auto e = env.store.find_export(name);
    if (!e) return std::nullopt;
    imports.insert(name);
    return e->value;
  };
  ctx.callbacks.ssm_get = [&env](const std::string& name,
                                 std::optional<long long>) -> std::optional<std::string> {
    return env.aws.ssm_get(env.region, name);
  };
  return ctx;
}

}  // namespace pipemu::cfn
