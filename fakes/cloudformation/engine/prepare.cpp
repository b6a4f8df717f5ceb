#include "fakes/cloudformation/engine/prepare.hpp"

#include "fakes/cloudformation/engine/template_cache.hpp"
#include "fakes/cloudformation/template/capabilities.hpp"
#include "fakes/cloudformation/template/transform.hpp"
#include "fakes/cloudformation/template/validate.hpp"

namespace pipemu::cfn {

std::vector<ParameterValue> Prepared::parameter_values() const {
  std::vector<ParameterValue> out;
  for (const auto& p : params) {
    ParameterValue v;
    v.key = p.key;
    v.value = p.value;
    v.resolved = p.resolved_value;
    v.no_echo = p.no_echo;
    out.push_back(std::move(v));
  }
  return out;
}

ApiResult<Prepared> prepare(const PrepareInput& in) {
  auto original = parsed_template(in.template_body);
  if (!original) return unexpected(from_template(original.error()));

  auto processed = process_transforms((*original)->root, in.stack);
  if (!processed) return unexpected(from_template(processed.error()));

  auto tpl = parse_template(*processed);
  if (!tpl) return unexpected(from_template(tpl.error()));

  Prepared p;
  p.body = in.template_body;
  p.required_capabilities = required_capabilities((*original)->root, *processed);
  auto required = p.required_capabilities;
  if (in.for_change_set) std::erase(required, std::string("CAPABILITY_AUTO_EXPAND"));
  auto missing = missing_capabilities(required, in.capabilities);
  if (!missing.empty()) return unexpected(insufficient_capabilities(missing));

  if (auto ok = validate_template(*tpl); !ok) return unexpected(from_template(ok.error()));

  auto params = resolve_parameters(*tpl, in.parameters, in.previous, in.ssm);
  if (!params) return unexpected(from_template(params.error()));

  p.params = std::move(*params);
  p.processed_json = processed->to_json().dump();
  p.tpl = std::make_shared<const Template>(std::move(*tpl));
  return p;
}

std::shared_ptr<const Template> stored_template(const Stack& stack) {
  if (stack.processed_template.empty()) return nullptr;
  auto json = nlohmann::json::parse(stack.processed_template, nullptr, false);
  if (json.is_discarded()) return nullptr;
  auto tpl = parse_template(model::Node::from_json(json));
  if (!tpl) return nullptr;
  return std::make_shared<const Template>(std::move(*tpl));
}

}  // namespace pipemu::cfn
