// Per-provider rules: which configuration keys an action type takes (required and optional),
// and how many input/output artifacts it may declare (aws-semantics §2.2 table).
#include <fmt/format.h>

#include <algorithm>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

struct ProviderSpec {
  const char* category;  // "" matches Build and Test
  const char* owner;
  const char* provider;
  std::vector<std::string> required;
  std::vector<std::string> optional;
  int min_in, max_in, min_out, max_out;
};

const std::vector<ProviderSpec>& specs() {
  static const std::vector<ProviderSpec> s = {
      {"Source",
       "ThirdParty",
       "GitHub",
       {"Owner", "Repo", "Branch", "OAuthToken"},
       {"PollForSourceChanges"},
       0,
       0,
       1,
       1},
      {"Source",
       "AWS",
       "CodeCommit",
       {"RepositoryName", "BranchName"},
       {"PollForSourceChanges", "OutputArtifactFormat"},
       0,
       0,
       1,
       1},
      {"Source",
       "AWS",
       "S3",
       {"S3Bucket", "S3ObjectKey"},
       {"PollForSourceChanges", "AllowOverrideForS3ObjectKey"},
       0,
       0,
       1,
       1},
      {"Source", "AWS", "ECR", {"RepositoryName"}, {"ImageTag"}, 0, 0, 1, 1},
      {"Source",
       "AWS",
       "CodeStarSourceConnection",
       {"ConnectionArn", "FullRepositoryId", "BranchName"},
       {"OutputArtifactFormat", "DetectChanges"},
       0,
       0,
       1,
       1},
      {"",
       "AWS",
       "CodeBuild",
       {"ProjectName"},
       {"PrimarySource", "EnvironmentVariables", "BatchEnabled", "CombineArtifacts"},
       1,
       5,
       0,
       5},
      {"Deploy", "AWS", "CloudFormation", {}, {}, 0, 10, 0, 1},  // keys: cloudformation_rules.cpp
      {"Deploy",
       "AWS",
       "S3",
       {"BucketName", "Extract"},
       {"ObjectKey", "KMSEncryptionKeyARN", "CannedACL", "CacheControl"},
       1,
       1,
       0,
       0},
      {"Deploy", "AWS", "CodeDeploy", {"ApplicationName", "DeploymentGroupName"}, {}, 1, 1, 0, 0},
      {"Deploy",
       "AWS",
       "ECS",
       {"ClusterName", "ServiceName"},
       {"FileName", "DeploymentTimeout"},
       1,
       1,
       0,
       0},
      {"Approval",
       "AWS",
       "Manual",
       {},
       {"NotificationArn", "CustomData", "ExternalEntityLink"},
       0,
       0,
       0,
       0},
      {"Invoke", "AWS", "Lambda", {"FunctionName"}, {"UserParameters"}, 0, 5, 0, 5},
  };
  return s;
}

const ProviderSpec* find_spec(const Action& a) {
  for (const auto& s : specs()) {
    bool cat = *s.category ? a.type.category == s.category
                           : (a.type.category == "Build" || a.type.category == "Test");
    if (cat && a.type.owner == s.owner && a.type.provider == s.provider) return &s;
  }
  return nullptr;
}

void check_counts(const Action& a, const ProviderSpec& s, Diagnostics& d) {
  auto check = [&](size_t n, int lo, int hi, const char* what) {
    if (static_cast<int>(n) < lo)
      d.error(a.mark,
              fmt::format(
                  "Action {} declares {} {} artifacts which is less than the minimum count ({})",
                  a.name, n, what, lo),
              "action-artifact-count",
              fmt::format("a {} {} action takes {} to {} {} artifacts", a.type.owner,
                          a.type.provider, lo, hi, what));
    else if (static_cast<int>(n) > hi)
      d.error(a.mark,
              fmt::format(
                  "Action {} declares {} {} artifacts which is more than the maximum count ({})",
                  a.name, n, what, hi),
              "action-artifact-count",
              fmt::format("a {} {} action takes {} to {} {} artifacts", a.type.owner,
                          a.type.provider, lo, hi, what));
  };
  check(a.input_artifacts.size(), s.min_in, s.max_in, "input");
  check(a.output_artifacts.size(), s.min_out, s.max_out, "output");
}

void check_keys(const Action& a, const ProviderSpec& s, Diagnostics& d) {
  if (s.required.empty() && s.optional.empty()) return;
  for (const auto& key : s.required)
    if (!a.config_node(key))
      d.error(
          a.mark,
          fmt::format("Action configuration for action '{}' is missing required configuration '{}'",
                      a.name, key),
          "action-config-required",
          fmt::format("a {} {} action needs {}", a.type.owner, a.type.provider,
                      text::join(s.required, ", ")));
  std::vector<std::string> known = s.required;
  known.insert(known.end(), s.optional.begin(), s.optional.end());
  for (const auto& e : a.configuration.entries())
    if (std::find(known.begin(), known.end(), e.key) == known.end()) {
      std::string near = text::closest(e.key, known);
      d.error(
          e.key_mark,
          fmt::format("Action configuration for action '{}' contains unknown configuration '{}'",
                      a.name, e.key),
          "action-config-unknown",
          near.empty() ? fmt::format("{} {} accepts: {}", a.type.owner, a.type.provider,
                                     text::join(known, ", "))
                       : fmt::format("did you mean '{}'?", near));
    }
}

}  // namespace

std::vector<ActionTypeKeys> action_type_keys() {
  std::vector<ActionTypeKeys> out;
  for (const auto& s : specs())
    for (const char* category : *s.category ? std::vector<const char*>{s.category}
                                             : std::vector<const char*>{"Build", "Test"})
      out.push_back({category, s.owner, s.provider, s.required, s.optional});
  return out;
}

void check_action_configs(const Pipeline& p, Diagnostics& d) {
  static const std::vector<std::string> categories = {"Source",   "Build",  "Test",   "Deploy",
                                                      "Approval", "Invoke", "Compute"};
  static const std::vector<std::string> owners = {"AWS", "ThirdParty", "Custom"};
  for (const auto& s : p.stages)
    for (const auto& a : s.actions) {
      if (a.type.mark.known() &&
          std::find(categories.begin(), categories.end(), a.type.category) == categories.end()) {
        std::string near = text::closest(a.type.category, categories);
        d.error(a.type.mark,
                fmt::format("ActionTypeId Category '{}' of action '{}' is not one of {}",
                            a.type.category, a.name, text::join(categories, ", ")),
                "action-type",
                near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
        continue;
      }
      if (a.type.mark.known() &&
          std::find(owners.begin(), owners.end(), a.type.owner) == owners.end()) {
        d.error(a.type.mark,
                fmt::format(
                    "ActionTypeId Owner '{}' of action '{}' is not one of AWS, ThirdParty, Custom",
                    a.type.owner, a.name),
                "action-type");
        continue;
      }
      if (const ProviderSpec* spec = find_spec(a)) {
        check_keys(a, *spec, d);
        check_counts(a, *spec, d);
      }
    }
}

}  // namespace pipemu::model::validate
