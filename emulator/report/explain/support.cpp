#include "report/explain/support.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pipemu::report::explain {

namespace {

void add_unique(std::vector<std::string>& out, const std::string& s) {
  if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
}

template <class F>
void walk(const model::Node& node, F&& visit) {
  visit(node);
  if (node.is_map())
    for (const auto& e : node.entries()) walk(e.value, visit);
  else if (node.is_sequence())
    for (const auto& i : node.items()) walk(i, visit);
}

}  // namespace

void collect_imports(const model::Node& node, std::vector<std::string>& out) {
  walk(node, [&](const model::Node& n) {
    if (n.is_intrinsic() && n.intrinsic_name() == "Fn::ImportValue" && n.intrinsic_arg().is_scalar())
      add_unique(out, n.intrinsic_arg().str());
  });
}

void collect_refs(const model::Node& node, std::vector<std::string>& out) {
  walk(node, [&](const model::Node& n) {
    if (n.is_intrinsic() && n.intrinsic_name() == "Ref" && n.intrinsic_arg().is_scalar())
      add_unique(out, n.intrinsic_arg().str());
  });
}

std::string ssm_key(const model::Template& t, const std::string& name) {
  const model::TemplateParameter* p = t.parameter(name);
  if (!p || p->type.rfind("AWS::SSM::Parameter::Value<", 0) != 0) return {};
  return p->default_value.as_string();
}

std::string value_origin(const Input& in, const model::Node& value) {
  if (value.is_scalar()) return fmt::format("bucket {}", value.str());
  if (!value.is_intrinsic()) return "a value pipemu cannot read statically";
  const std::string& fn = value.intrinsic_name();
  std::string arg = value.intrinsic_arg().as_string();
  if (fn == "Fn::ImportValue" && !arg.empty()) return fmt::format("export {}", arg);
  if (fn != "Ref" || arg.empty()) return fmt::format("the result of {}", fn);
  if (std::string key = ssm_key(*in.tmpl, arg); !key.empty())
    return fmt::format("the value of SSM parameter {} (template parameter {})", key, arg);
  if (const model::TemplateParameter* p = in.tmpl->parameter(arg)) {
    std::string def = p->default_value.as_string();
    return def.empty() ? fmt::format("template parameter {}", arg)
                       : fmt::format("template parameter {} (default {})", arg, def);
  }
  if (in.tmpl->resource(arg)) return fmt::format("resource {} of this template", arg);
  return fmt::format("{}, which the template does not declare", arg);
}

const model::Action* producer(const model::Pipeline& p, const std::string& artifact,
                              const model::Stage** stage) {
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      for (const auto& o : a.output_artifacts)
        if (o.name == artifact) {
          if (stage) *stage = &s;
          return &a;
        }
  return nullptr;
}

std::string effective_region(const Input& in, const model::Action& action) {
  return action.region ? *action.region : in.region;
}

std::string names(const std::vector<model::ArtifactRef>& refs) {
  std::vector<std::string> n;
  for (const auto& r : refs) n.push_back(r.name);
  return fmt::format("{}", fmt::join(n, ", "));
}

std::string join_words(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return fmt::format("{} and {}", fmt::join(head, ", "), items.back());
}

Vars action_vars(const Input& in, const model::Stage& stage, const model::Action& action) {
  Vars v;
  if (action.configuration.is_map())
    for (const auto& e : action.configuration.entries())
      if (e.value.is_scalar()) v[e.key] = e.value.str();
  // An unresolved ProjectName (!Ref CodeBuild) still names the template's project.
  if (const model::Node* pn = action.config_node("ProjectName"); pn && pn->is_intrinsic())
    v["ProjectName"] = pn->intrinsic_arg().as_string();
  v["region"] = effective_region(in, action);
  v["action"] = action.name;
  v["stage"] = stage.name;
  v["inputs"] = names(action.input_artifacts);
  v["outputs"] = names(action.output_artifacts);
  v["pipeline_region"] = in.region;
  v["category"] = action.type.category;
  v["provider"] = action.type.provider;
  return v;
}

}  // namespace pipemu::report::explain
