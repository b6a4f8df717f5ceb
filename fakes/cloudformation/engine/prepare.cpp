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

namespace {

// What a body becomes before parameters are bound. Without transforms this depends on the text
// alone, so it is kept with the text (SAM output depends on the stack region's partition).
struct Processed {
  std::shared_ptr<const Template> tpl;
  std::string json;
  std::vector<std::string> required_capabilities;
  // validate_template's verdict (kept too: a pure function of the text), reported after the
  // capabilities check as AWS orders them.
  std::optional<TemplateError> invalid;
};

ApiResult<std::shared_ptr<const Processed>> processed_form(const Template& original,
                                                           const PrepareInput& in) {
  static RecentByText<Processed> recent(16);
  bool same_for_every_stack = !has_transforms(original.root);
  if (same_for_every_stack)
    if (auto hit = recent.find(in.template_body)) return hit;

  auto processed = process_transforms(original.root, in.stack);
  if (!processed) return unexpected(from_template(processed.error()));
  auto tpl = parse_template(*processed);
  if (!tpl) return unexpected(from_template(tpl.error()));
  auto out = std::make_shared<Processed>();
  out->required_capabilities = required_capabilities(original.root, *processed);
  if (auto ok = validate_template(*tpl); !ok) out->invalid = ok.error();
  out->json = processed->to_json().dump();
  out->tpl = std::make_shared<const Template>(std::move(*tpl));
  if (same_for_every_stack) recent.put(in.template_body, out);
  return std::shared_ptr<const Processed>(std::move(out));
}

}  // namespace

ApiResult<Prepared> prepare(const PrepareInput& in) {
  auto original = parsed_template(in.template_body);
  if (!original) return unexpected(from_template(original.error()));
  auto form = processed_form(**original, in);
  if (!form) return unexpected(form.error());
  const Processed& processed = **form;

  Prepared p;
  p.body = in.template_body;
  p.required_capabilities = processed.required_capabilities;
  auto required = p.required_capabilities;
  if (in.for_change_set) std::erase(required, std::string("CAPABILITY_AUTO_EXPAND"));
  auto missing = missing_capabilities(required, in.capabilities);
  if (!missing.empty()) return unexpected(insufficient_capabilities(missing));
  if (processed.invalid) return unexpected(from_template(*processed.invalid));

  auto params = resolve_parameters(*processed.tpl, in.parameters, in.previous, in.ssm);
  if (!params) return unexpected(from_template(params.error()));

  p.params = std::move(*params);
  p.processed_json = processed.json;
  p.tpl = processed.tpl;
  return p;
}

std::shared_ptr<const Template> stored_template(const Stack& stack) {
  static RecentByText<Template> recent(16);
  if (stack.processed_template.empty()) return nullptr;
  if (auto hit = recent.find(stack.processed_template)) return hit;
  auto json = nlohmann::json::parse(stack.processed_template, nullptr, false);
  if (json.is_discarded()) return nullptr;
  auto tpl = parse_template(model::Node::from_json(json));
  if (!tpl) return nullptr;
  auto out = std::make_shared<const Template>(std::move(*tpl));
  recent.put(stack.processed_template, out);
  return out;
}

}  // namespace pipemu::cfn
