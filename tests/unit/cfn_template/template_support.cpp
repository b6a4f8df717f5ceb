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

#include "fakes/cloudformation/template/graph.hpp"
#include "fakes/cloudformation/template/transform.hpp"
#include "fakes/cloudformation/template/validate.hpp"

namespace cfn_test {

std::string run_pipeline(const std::string& label, const std::string& body) {
  auto original = parse_template_text(body, label);
  if (!original) return original.error().message;
  World w;
  w.exports = {{"service-x-lambda-role-arn", "arn:aws:iam::123456789012:role/r"},
               {"service-x-topic-arn", "arn:aws:sns:eu-west-1:123456789012:t"}};
  w.ssm = {{"/corpus/stage", "prod"}, {"/corpus/ami", "ami-123"}, {"/corpus/subnets", "s-1,s-2"}};
  EvalContext ctx = w.context();
  ctx.callbacks.ref_resource = [](const std::string& id) -> Result<std::string> { return id + "-physical"; };
  ctx.callbacks.get_att = [](const std::string& id, const std::string& a) -> Result<model::Node> {
    return model::Node::scalar(id + "." + a, {}, true);
  };
  auto processed = process_transforms(original->root, ctx.stack);
  if (!processed) return processed.error().message;
  auto tpl = parse_template(*processed);
  if (!tpl) return tpl.error().message;
  if (auto ok = validate_template(*tpl); !ok) return ok.error().message;
  auto params = resolve_parameters(*tpl, {}, {}, [&w](const std::string& n) -> std::optional<std::string> {
    auto it = w.ssm.find(n);
    return it == w.ssm.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
  if (!params) return params.error().message;
  Evaluator ev(*tpl, *params, ctx);
  if (auto c = ev.conditions(); !c) return c.error().message;
  std::set<std::string> included;
  for (const auto& r : tpl->resources) {
    auto inc = ev.resource_included(r);
    if (!inc) return inc.error().message;
    if (*inc) included.insert(r.logical_id);
  }
  auto graph = build_graph(*tpl, included);
  if (!graph) return graph.error().message;
  for (const auto& id : graph->create_order)
    if (auto p = ev.resource_properties(id); !p) return p.error().message;
  if (auto o = ev.outputs(); !o) return o.error().message;
  return "ok";
}

}  // namespace cfn_test
