// CloudFormation deploy actions (aws-semantics §3.1): configuration per ActionMode, the
// `Artifact::path` form of TemplatePath, and CHANGE_SET_EXECUTE after its CHANGE_SET_REPLACE.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "model/text.hpp"
#include "model/validate/names.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

const std::vector<std::string> kModes = {"CREATE_UPDATE", "CHANGE_SET_REPLACE",
                                         "CHANGE_SET_EXECUTE", "DELETE_ONLY", "REPLACE_ON_FAILURE"};
const std::vector<std::string> kKeys = {
    "ActionMode",         "StackName",    "ChangeSetName", "TemplatePath",  "TemplateConfiguration",
    "ParameterOverrides", "Capabilities", "RoleArn",       "OutputFileName"};
const std::vector<std::string> kCapabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM",
                                                "CAPABILITY_AUTO_EXPAND"};

struct Located {
  const Stage* stage;
  size_t stage_index;
  const Action* action;
};

std::vector<std::string> required_for(const std::string& mode) {
  if (mode == "CHANGE_SET_REPLACE")
    return {"StackName", "ChangeSetName", "TemplatePath", "RoleArn"};
  if (mode == "CHANGE_SET_EXECUTE") return {"StackName", "ChangeSetName"};
  if (mode == "DELETE_ONLY") return {"StackName", "RoleArn"};
  return {"StackName", "TemplatePath", "RoleArn"};  // CREATE_UPDATE, REPLACE_ON_FAILURE
}

std::vector<std::string> input_names(const Action& a) {
  std::vector<std::string> out;
  for (const auto& i : a.input_artifacts) out.push_back(i.name);
  return out;
}

// TemplatePath / TemplateConfiguration: "InputArtifactName::path/inside/the/zip".
void check_artifact_path(const Action& a, const char* key, Diagnostics& d) {
  const Node* n = a.config_node(key);
  if (!n || !n->is_scalar()) return;
  const std::string& v = n->str();
  size_t sep = v.find("::");
  if (sep == std::string::npos || sep == 0 || sep + 2 >= v.size()) {
    d.error(n->mark(),
            fmt::format("{} '{}' of action '{}' must have the form ArtifactName::path/in/artifact",
                        key, v, a.name),
            "cfn-template-path",
            a.input_artifacts.empty()
                ? "name an input artifact of the action before '::'"
                : fmt::format("e.g. '{}::{}'", a.input_artifacts[0].name,
                              sep == std::string::npos ? v : v.substr(sep + 2)));
    return;
  }
  std::string artifact = v.substr(0, sep);
  auto inputs = input_names(a);
  if (std::find(inputs.begin(), inputs.end(), artifact) != inputs.end()) return;
  std::string near = text::closest(artifact, inputs);
  d.error(
      n->mark(),
      fmt::format(
          "{} of action '{}' reads artifact '{}', which is not one of the action's input artifacts",
          key, a.name, artifact),
      "cfn-template-path",
      !near.empty()    ? fmt::format("did you mean '{}'?", near)
      : inputs.empty() ? fmt::format("add '- Name: {}' under InputArtifacts", artifact)
                       : fmt::format("the action's inputs are {}; add '{}' to InputArtifacts",
                                     text::join(inputs, ", "), artifact));
}

void check_names(const Action& a, Diagnostics& d) {
  for (const char* key : {"StackName", "ChangeSetName"}) {
    const Node* n = a.config_node(key);
    if (n && n->is_scalar() && n->str().find("#{") == std::string::npos &&
        !(name_ok(n->str(), "-", 128) && std::isalpha(static_cast<unsigned char>(n->str()[0]))))
      d.error(n->mark(),
              fmt::format("{} '{}' of action '{}' is invalid: it must start with a letter and "
                          "contain only letters, "
                          "digits and '-' (at most 128)",
                          key, n->str(), a.name),
              "cfn-action-config");
  }
}

void check_capabilities(const Action& a, Diagnostics& d) {
  const Node* n = a.config_node("Capabilities");
  if (!n || !n->is_scalar()) return;
  for (const auto& cap : text::split(n->str(), ',')) {
    if (std::find(kCapabilities.begin(), kCapabilities.end(), cap) != kCapabilities.end()) continue;
    std::string t = text::trim(cap);
    bool spaced =
        t != cap && std::find(kCapabilities.begin(), kCapabilities.end(), t) != kCapabilities.end();
    std::string near = text::closest(t, kCapabilities);
    d.error(n->mark(),
            spaced
                ? fmt::format("Capabilities of action '{}' must be comma-separated without spaces",
                              a.name)
                : fmt::format("'{}' in Capabilities of action '{}' is not a capability; use {}",
                              cap, a.name, text::join(kCapabilities, ", ")),
            "cfn-action-config",
            spaced ? "write e.g. 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND'"
                   : (near.empty() ? std::string() : fmt::format("did you mean '{}'?", near)));
  }
}

void check_parameter_overrides(const Action& a, Diagnostics& d) {
  const Node* n = a.config_node("ParameterOverrides");
  if (!n || !n->is_scalar()) return;
  auto j = nlohmann::json::parse(n->str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    d.error(n->mark(),
            fmt::format("ParameterOverrides of action '{}' must be a JSON object string such as "
                        "'{{\"Param\": \"value\"}}'",
                        a.name),
            "cfn-action-config");
    return;
  }
  auto inputs = input_names(a);
  for (auto& [key, value] : j.items()) {
    if (!value.is_object() || value.size() != 1) continue;
    auto fn = value.begin();
    if ((fn.key() == "Fn::GetParam" || fn.key() == "Fn::GetArtifactAtt") && fn.value().is_array() &&
        !fn.value().empty() && fn.value()[0].is_string()) {
      std::string artifact = fn.value()[0].get<std::string>();
      if (std::find(inputs.begin(), inputs.end(), artifact) == inputs.end())
        d.error(n->mark(),
                fmt::format("ParameterOverrides of action '{}' reads artifact '{}' ({} of "
                            "parameter {}), which is not "
                            "one of the action's input artifacts",
                            a.name, artifact, fn.key(), key),
                "cfn-action-config",
                fmt::format("add '- Name: {}' under InputArtifacts", artifact));
    }
  }
}

std::string effective_region(const Action& a, const std::string& region) {
  return a.region && !a.region->empty() ? *a.region : region;
}

void check_execute(const Located& exec, const std::vector<Located>& all, const std::string& region,
                   Diagnostics& d) {
  const Action& a = *exec.action;
  std::string stack = a.config("StackName"), change_set = a.config("ChangeSetName");
  std::string where = effective_region(a, region);
  const Located* same_stack = nullptr;
  for (const auto& other : all) {
    const Action& r = *other.action;
    if (r.config("ActionMode") != "CHANGE_SET_REPLACE" || r.config("StackName") != stack ||
        effective_region(r, region) != where)
      continue;
    same_stack = &other;
    if (r.config("ChangeSetName") != change_set) continue;
    bool earlier = other.stage_index < exec.stage_index ||
                   (other.stage_index == exec.stage_index && r.run_order < a.run_order);
    if (earlier) return;
    d.error(
        a.run_order_mark.known() ? a.run_order_mark : a.mark,
        fmt::format("CHANGE_SET_EXECUTE action '{}' does not run after '{}', the "
                    "CHANGE_SET_REPLACE that creates "
                    "change set '{}' (stage '{}', RunOrder {}); the change set would not exist yet",
                    a.name, r.name, change_set, other.stage->name, r.run_order),
        "cfn-change-set-order",
        fmt::format("give '{}' a RunOrder higher than {}", a.name, r.run_order));
    return;
  }
  std::string hint =
      same_stack
          ? fmt::format("'{}' creates change set '{}' of that stack; use the same ChangeSetName",
                        same_stack->action->name, same_stack->action->config("ChangeSetName"))
          : fmt::format(
                "add a CHANGE_SET_REPLACE action for stack '{}' in {} with a lower RunOrder", stack,
                where.empty() ? "the same region" : where);
  d.error(
      a.mark,
      fmt::format(
          "CHANGE_SET_EXECUTE action '{}' executes change set '{}' of stack '{}'{}, but no earlier "
          "CHANGE_SET_REPLACE action creates it; at run time CloudFormation answers "
          "ChangeSetNotFound",
          a.name, change_set, stack, where.empty() ? "" : " in " + where),
      "cfn-change-set-order", hint);
}

}  // namespace

void check_cloudformation_actions(const Pipeline& p, const std::string& region, Diagnostics& d) {
  std::vector<Located> all;
  for (size_t si = 0; si < p.stages.size(); ++si)
    for (const auto& a : p.stages[si].actions)
      if (a.is("Deploy", "CloudFormation") && a.type.owner == "AWS")
        all.push_back({&p.stages[si], si, &a});

  for (const auto& loc : all) {
    const Action& a = *loc.action;
    for (const auto& e : a.configuration.entries())
      if (std::find(kKeys.begin(), kKeys.end(), e.key) == kKeys.end()) {
        std::string near = text::closest(e.key, kKeys);
        d.error(
            e.key_mark,
            fmt::format("Action configuration for action '{}' contains unknown configuration '{}'",
                        a.name, e.key),
            "action-config-unknown",
            near.empty() ? fmt::format("CloudFormation actions accept: {}", text::join(kKeys, ", "))
                         : fmt::format("did you mean '{}'?", near));
      }
    const Node* mode_node = a.config_node("ActionMode");
    if (!mode_node) {
      d.error(
          a.mark,
          fmt::format(
              "Action configuration for action '{}' is missing required configuration 'ActionMode'",
              a.name),
          "action-config-required", fmt::format("one of {}", text::join(kModes, ", ")));
      continue;
    }
    std::string mode = a.config("ActionMode");
    if (mode_node->is_scalar() && std::find(kModes.begin(), kModes.end(), mode) == kModes.end()) {
      std::string near = text::closest(mode, kModes);
      d.error(mode_node->mark(),
              fmt::format("ActionMode '{}' of action '{}' is not one of {}", mode, a.name,
                          text::join(kModes, ", ")),
              "cfn-action-config",
              near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
      continue;
    }
    for (const auto& key : required_for(mode))
      if (!a.config_node(key))
        d.error(a.mark,
                fmt::format("Action configuration for action '{}' is missing required "
                            "configuration '{}' (required "
                            "with ActionMode {})",
                            a.name, key, mode),
                "action-config-required");
    if (mode == "CHANGE_SET_EXECUTE" && a.config_node("RoleArn"))
      d.warning(a.config_mark("RoleArn"),
                fmt::format("RoleArn of action '{}' is ignored: CHANGE_SET_EXECUTE uses the role "
                            "of the change set's "
                            "CHANGE_SET_REPLACE",
                            a.name),
                "cfn-action-config", "delete it, and set RoleArn on the CHANGE_SET_REPLACE action");
    check_artifact_path(a, "TemplatePath", d);
    check_artifact_path(a, "TemplateConfiguration", d);
    check_names(a, d);
    check_capabilities(a, d);
    check_parameter_overrides(a, d);
    if (mode == "CHANGE_SET_EXECUTE" && a.config_node("StackName") &&
        a.config_node("ChangeSetName"))
      check_execute(loc, all, region, d);
  }
}

}  // namespace pipemu::model::validate
