#include "build/template_project.hpp"

#include "model/loader.hpp"
#include "model/template.hpp"
#include "model/text.hpp"

namespace pipemu::build {
namespace {

Expected<std::string, std::string> parameter_value(const model::Template& t, const std::string& name,
                                                   const TemplateProjectRequest& req) {
  const auto* p = t.parameter(name);
  if (!p) return unexpected("Ref " + name + " is not a parameter of " + req.template_path);
  std::string value;
  if (auto it = req.parameters.find(name); it != req.parameters.end()) {
    value = it->second;
  } else if (p->default_value.is_scalar()) {
    value = p->default_value.str();
  } else {
    return unexpected("parameter " + name + " has no Default; pass --parameter " + name + "=VALUE");
  }
  if (p->type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
    if (!req.ssm) return unexpected("parameter " + name + " reads SSM parameter " + value + ", but no SSM is available");
    auto got = req.ssm(value);
    if (!got) return unexpected("parameter " + name + ": " + got.error());
    return *got;
  }
  return value;
}

}  // namespace

Expected<model::CodeBuildProject, std::string> project_from_template(const TemplateProjectRequest& req) {
  auto root = model::load_file(req.template_path);
  if (!root) return unexpected(model::render(root.error()));
  auto tpl = model::parse_template(*root);
  if (!tpl.ok()) return unexpected(model::render(tpl.diagnostics.items().front()));
  const model::TemplateResource* res = nullptr;
  auto projects = tpl.value.resources_of_type("AWS::CodeBuild::Project");
  if (req.logical_id.empty()) {
    if (projects.size() != 1)
      return unexpected(req.template_path + " has " + std::to_string(projects.size()) +
                        " AWS::CodeBuild::Project resources; choose one with --project");
    res = projects.front();
  } else {
    res = tpl.value.resource(req.logical_id);
    if (!res || res->type != "AWS::CodeBuild::Project") {
      std::vector<std::string> names;
      for (const auto* p : projects) names.push_back(p->logical_id);
      std::string near = text::closest(req.logical_id, names);
      return unexpected(req.template_path + ": no AWS::CodeBuild::Project '" + req.logical_id + "'" +
                        (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
  }
  auto parsed = model::codebuild_project_from_cfn(res->properties, res->logical_id);
  if (!parsed.ok()) return unexpected(model::render(parsed.diagnostics.items().front()));
  auto project = std::move(parsed.value);
  project.logical_id = res->logical_id;
  for (auto& v : project.environment.variables) {
    if (v.value.is_scalar()) continue;
    if (v.value.is_intrinsic() && v.value.intrinsic_name() == "Ref" && v.value.intrinsic_arg().is_scalar()) {
      auto value = parameter_value(tpl.value, v.value.intrinsic_arg().str(), req);
      if (!value) return unexpected(v.mark.str() + ": " + v.name + ": " + value.error());
      v.value = model::Node::scalar(*value, v.value.mark());
      continue;
    }
    return unexpected(v.mark.str() + ": environment variable " + v.name +
                      " uses an intrinsic pipemu build cannot resolve; pass the project through the pipeline engine");
  }
  return project;
}

}  // namespace pipemu::build
