// AWS::CodeBuild::Project enumerations (aws-semantics §1.6): a typo in ComputeType, Type, an
// environment variable Type or the cache settings fails CreateProject, so say it here first.
#include <fmt/format.h>

#include <algorithm>

#include "model/node_read.hpp"
#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

void one_of(const Node* n, const char* what, const std::vector<std::string>& allowed,
            Diagnostics& d) {
  if (!n || !n->is_scalar()) return;  // absent, or an intrinsic resolved later
  if (std::find(allowed.begin(), allowed.end(), n->str()) != allowed.end()) return;
  // Enum typos usually drop or shorten a word: prefer the one value containing every word.
  std::string near;
  for (const auto& a : allowed) {
    bool all = true;
    for (const auto& word : text::split(n->str(), '_'))
      all = all && !word.empty() && a.find(word) != std::string::npos;
    if (all) near = near.empty() ? a : "\n";  // "\n": more than one
  }
  if (near.empty() || near == "\n") near = text::closest(n->str(), allowed);
  d.error(n->mark(),
          fmt::format("{} '{}' is not one of {}", what, n->str(), text::join(allowed, ", ")),
          "codebuild-enum", near.empty() ? std::string() : fmt::format("did you mean '{}'?", near));
}

}  // namespace

void check_codebuild_project(const TemplateResource& r, Diagnostics& d) {
  static const std::vector<std::string> compute = {
      "BUILD_GENERAL1_SMALL",  "BUILD_GENERAL1_MEDIUM",   "BUILD_GENERAL1_LARGE",
      "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE",  "BUILD_LAMBDA_1GB",
      "BUILD_LAMBDA_2GB",      "BUILD_LAMBDA_4GB",        "BUILD_LAMBDA_8GB",
      "BUILD_LAMBDA_10GB",     "ATTRIBUTE_BASED_COMPUTE", "CUSTOM_INSTANCE_TYPE"};
  static const std::vector<std::string> types = {"LINUX_CONTAINER",
                                                 "LINUX_GPU_CONTAINER",
                                                 "ARM_CONTAINER",
                                                 "WINDOWS_CONTAINER",
                                                 "WINDOWS_SERVER_2019_CONTAINER",
                                                 "WINDOWS_SERVER_2022_CONTAINER",
                                                 "LINUX_LAMBDA_CONTAINER",
                                                 "ARM_LAMBDA_CONTAINER",
                                                 "LINUX_EC2",
                                                 "ARM_EC2",
                                                 "WINDOWS_EC2",
                                                 "MAC_ARM"};
  static const std::vector<std::string> var_types = {"PLAINTEXT", "PARAMETER_STORE",
                                                     "SECRETS_MANAGER"};
  static const std::vector<std::string> cache_types = {"NO_CACHE", "LOCAL", "S3"};
  static const std::vector<std::string> cache_modes = {
      "LOCAL_SOURCE_CACHE", "LOCAL_DOCKER_LAYER_CACHE", "LOCAL_CUSTOM_CACHE"};
  const Node& p = r.properties;
  if (!p.is_map()) return;
  if (const Node* env = p.find("Environment"); env && env->is_map()) {
    one_of(env->find("ComputeType"), "ComputeType", compute, d);
    one_of(env->find("Type"), "Environment Type", types, d);
    if (const Node* vars = env->find("EnvironmentVariables"); vars && vars->is_sequence())
      for (const auto& v : vars->items())
        if (v.is_map()) one_of(v.find("Type"), "EnvironmentVariables Type", var_types, d);
  }
  if (const Node* cache = p.find("Cache"); cache && cache->is_map()) {
    one_of(cache->find("Type"), "Cache Type", cache_types, d);
    if (const Node* modes = cache->find("Modes"))
      for (const auto& m : read::scalar_or_list(*modes)) one_of(&m, "Cache Mode", cache_modes, d);
    if (read::scalar(cache->find("Type")) == "LOCAL" && !cache->find("Modes"))
      d.error(cache->mark(),
              "a LOCAL cache needs Modes (one or more of " + text::join(cache_modes, ", ") + ")",
              "codebuild-enum");
  }
}

}  // namespace pipemu::model::validate
