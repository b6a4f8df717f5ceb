#include "engine/plan.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace pipemu::engine {

std::string effective_region(const model::Action& action, const std::string& pipeline_region) {
  return action.region && !action.region->empty() ? *action.region : pipeline_region;
}

namespace {

// A CloudFormation intrinsic as written in YAML short form (!Ref X, !GetAtt X.Y, !Sub '...'),
// else its JSON.
std::string intrinsic_text(const model::Node& n) {
  const std::string& fn = n.intrinsic_name();
  const model::Node& arg = n.intrinsic_arg();
  std::string tag = fn == "Ref" ? "!Ref" : "!" + (fn.rfind("Fn::", 0) == 0 ? fn.substr(4) : fn);
  if (arg.is_scalar()) return fmt::format("{} {}", tag, arg.str());
  if (fn == "Fn::GetAtt" && arg.is_sequence() && arg.items().size() == 2 && arg.items()[0].is_scalar() &&
      arg.items()[1].is_scalar())
    return fmt::format("!GetAtt {}.{}", arg.items()[0].str(), arg.items()[1].str());
  return n.to_json().dump();
}

// A configuration value for people: the literal, or what decides it when only a run can tell
// (a parameter, another resource, a #{Namespace.Variable}) instead of a blank.
std::string shown(const model::Action& a, std::string_view key) {
  const model::Node* v = a.configuration.is_map() ? a.configuration.find(key) : nullptr;
  if (!v) return {};
  if (v->is_intrinsic()) return fmt::format("(resolved at run time: {})", intrinsic_text(*v));
  if (!v->is_scalar()) return fmt::format("(resolved at run time: {})", v->to_json().dump());
  if (v->str().find("#{") != std::string::npos)
    return fmt::format("(resolved at run time: {})", v->str());
  return v->str();
}

}  // namespace

std::string describe_action(const model::Action& a) {
  const std::string& p = a.type.provider;
  if (p == "CloudFormation") {
    std::string mode = shown(a, "ActionMode");
    std::string out = fmt::format("CloudFormation {} stack {}", mode.empty() ? "?" : mode,
                                  shown(a, "StackName"));
    if (!shown(a, "ChangeSetName").empty()) out += fmt::format(" change set {}", shown(a, "ChangeSetName"));
    if (!shown(a, "TemplatePath").empty()) out += fmt::format(" (template {})", shown(a, "TemplatePath"));
    return out;
  }
  if (p == "CodeBuild") return fmt::format("CodeBuild project {}", shown(a, "ProjectName"));
  if (p == "GitHub")
    return fmt::format("GitHub source {}/{} branch {}", shown(a, "Owner"), shown(a, "Repo"),
                       shown(a, "Branch"));
  if (p == "Manual") return "Manual approval";
  if (p == "S3" && a.type.category == "Deploy")
    return fmt::format("S3 deploy to s3://{}/{}", shown(a, "BucketName"), shown(a, "ObjectKey"));
  return fmt::format("{} {} (not emulated)", a.type.category, p);
}

Plan make_plan(const model::Pipeline& pipeline, const std::string& pipeline_region) {
  Plan plan;
  plan.pipeline_region = pipeline_region;
  for (const auto& stage : pipeline.stages) {
    PlannedStage ps;
    ps.stage = &stage;
    std::map<int, PlannedGroup> groups;
    for (const auto& action : stage.actions) {
      auto& g = groups[action.run_order];
      g.run_order = action.run_order;
      g.actions.push_back({&action, effective_region(action, pipeline_region), describe_action(action)});
    }
    for (auto& [order, g] : groups) ps.groups.push_back(std::move(g));
    plan.stages.push_back(std::move(ps));
  }
  return plan;
}

std::vector<StageRecord> skeleton(const Plan& plan) {
  std::vector<StageRecord> out;
  for (const auto& ps : plan.stages) {
    StageRecord sr;
    sr.name = ps.stage->name;
    // Declaration order, so reports show the stage as written; run_order tells the groups.
    for (const auto& action : ps.stage->actions) {
      ActionRecord ar;
      ar.name = action.name;
      ar.region = effective_region(action, plan.pipeline_region);
      ar.run_order = action.run_order;
      ar.category = action.type.category;
      ar.owner = action.type.owner;
      ar.provider = action.type.provider;
      ar.namespace_name = action.namespace_name;
      ar.role_arn = action.role_arn;
      for (const auto& in : action.input_artifacts) ar.input_artifacts.push_back(in.name);
      for (const auto& o : action.output_artifacts) ar.output_artifacts.push_back(o.name);
      sr.actions.push_back(std::move(ar));
    }
    out.push_back(std::move(sr));
  }
  return out;
}

std::vector<ArtifactFlowEdge> artifact_flow(const model::Pipeline& pipeline) {
  std::vector<ArtifactFlowEdge> edges;
  auto edge = [&](const std::string& name) -> ArtifactFlowEdge& {
    for (auto& e : edges) if (e.artifact == name) return e;
    edges.push_back({name, "", "", {}});
    return edges.back();
  };
  for (const auto& stage : pipeline.stages)
    for (const auto& action : stage.actions)
      for (const auto& o : action.output_artifacts) {
        auto& e = edge(o.name);
        e.producer_stage = stage.name;
        e.producer = action.name;
      }
  for (const auto& stage : pipeline.stages)
    for (const auto& action : stage.actions)
      for (const auto& in : action.input_artifacts)
        edge(in.name).consumers.emplace_back(stage.name, action.name);
  return edges;
}

}  // namespace pipemu::engine
