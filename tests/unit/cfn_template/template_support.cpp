#include "template_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "model/loader.hpp"

using namespace pipemu;
using namespace pipemu::cfn;

namespace cfn_test {

Template parse_ok(const std::string& yaml) {
  auto t = parse_template_text(yaml, "t.yaml");
  if (!t) FAIL("parse failed: " << t.error().describe());
  return *t;
}

std::string parse_error(const std::string& yaml) {
  auto t = parse_template_text(yaml, "t.yaml");
  return t ? std::string() : t.error().message;
}

EvalContext World::context() const {
  EvalContext ctx;
  ctx.stack.region = "eu-west-1";
  ctx.stack.account_id = "123456789012";
  ctx.stack.stack_name = "demo";
  ctx.stack.stack_id = "arn:aws:cloudformation:eu-west-1:123456789012:stack/demo/1111-2222";
  auto self = *this;
  ctx.callbacks.ref_resource = [self](const std::string& id) -> Result<std::string> {
    auto it = self.physical_ids.find(id);
    if (it == self.physical_ids.end()) return fail("not created: " + id);
    return it->second;
  };
  ctx.callbacks.get_att = [self](const std::string& id, const std::string& a) -> Result<model::Node> {
    auto it = self.attributes.find(id + "." + a);
    if (it == self.attributes.end())
      return fail("Template error: resource " + id + " does not support attribute type " + a + " in Fn::GetAtt");
    return model::Node::scalar(it->second, {}, true);
  };
  ctx.callbacks.import_value = [self](const std::string& n) -> std::optional<std::string> {
    auto it = self.exports.find(n);
    if (it == self.exports.end()) return std::nullopt;
    return it->second;
  };
  ctx.callbacks.ssm_get = [self](const std::string& n, std::optional<long long>) -> std::optional<std::string> {
    auto it = self.ssm.find(n);
    if (it == self.ssm.end()) return std::nullopt;
    return it->second;
  };
  return ctx;
}

std::string eval(const Template& tpl, const std::string& value_yaml, const World& w,
                 const std::vector<ParameterInput>& params) {
  auto ssm = [&w](const std::string& n) -> std::optional<std::string> {
    auto it = w.ssm.find(n);
    if (it == w.ssm.end()) return std::nullopt;
    return it->second;
  };
  auto resolved = resolve_parameters(tpl, params, {}, ssm);
  if (!resolved) return "ERROR: " + resolved.error().message;
  auto value = model::load_text("v.yaml", "V: " + value_yaml + "\n");
  if (!value) FAIL("bad test value: " << value.error().message);
  Evaluator ev(tpl, *resolved, w.context());
  auto r = ev.resolve(*value->find("V"));
  if (!r) return "ERROR: " + r.error().message;
  return r->to_json().dump();
}

}  // namespace cfn_test
