#include "model/codebuild_project.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/node_read.hpp"

namespace pipemu::model {
namespace {

constexpr const char* kRule = "codebuild-shape";

void unknown(const Node& map, const std::vector<std::string>& known, Diagnostics& d,
             const std::string& where) {
  read::unknown_keys(map, known, d, Severity::Error, "unsupported-property",
                     [&](const std::string& key) {
                       return fmt::format("Encountered unsupported property {} in {}", key, where);
                     });
}

void read_environment(const Node& n, CodeBuildEnvironment& env, Diagnostics& d) {
  env.mark = n.mark();
  if (!read::expect_map(&n, "Environment", d, kRule)) return;
  unknown(n,
          {"Certificate", "ComputeType", "EnvironmentVariables", "Fleet", "Image",
           "ImagePullCredentialsType", "PrivilegedMode", "RegistryCredential", "Type"},
          d, "Environment");
  env.compute_type = read::scalar(n.find("ComputeType"));
  env.image = read::scalar(n.find("Image"));
  env.image_mark = read::key_mark(n, "Image");
  env.type = read::scalar(n.find("Type"));
  if (const Node* p = n.find("PrivilegedMode")) {
    auto v = read::boolean(*p);
    if (!v) d.error(p->mark(), "PrivilegedMode must be true or false", kRule);
    env.privileged_mode = v.value_or(false);
  }
  const Node* vars = n.find("EnvironmentVariables");
  if (!vars || !read::expect_sequence(vars, "EnvironmentVariables", d, kRule)) return;
  for (const auto& item : vars->items()) {
    if (!read::expect_map(&item, "each EnvironmentVariables entry", d, kRule)) continue;
    unknown(item, {"Name", "Type", "Value"}, d, "EnvironmentVariables");
    EnvironmentVariable v;
    v.mark = item.mark();
    v.name = read::scalar(item.find("Name"));
    if (const Node* val = item.find("Value")) v.value = *val;
    if (const Node* t = item.find("Type")) v.type = t->as_string();
    if (v.name.empty()) d.error(item.mark(), "an environment variable needs a Name", kRule);
    if (!item.find("Value"))
      d.error(item.mark(), fmt::format("environment variable '{}' needs a Value", v.name), kRule);
    env.variables.push_back(std::move(v));
  }
}

int minutes(const Node& n, const char* what, int lo, int hi, Diagnostics& d) {
  auto v = read::integer(n);
  if (!v || *v < lo || *v > hi) {
    d.error(n.mark(),
            fmt::format("{} must be a whole number of minutes from {} to {}", what, lo, hi), kRule);
    return v ? static_cast<int>(std::clamp<long>(*v, lo, hi)) : lo;
  }
  return static_cast<int>(*v);
}

}  // namespace

bool CodeBuildSource::buildspec_is_inline() const {
  return buildspec.find('\n') != std::string::npos ||
         buildspec.find("version:") != std::string::npos;
}

std::string CodeBuildSource::buildspec_path() const {
  if (buildspec.empty()) return "buildspec.yml";
  return buildspec_is_inline() ? std::string() : buildspec;
}

const EnvironmentVariable* CodeBuildProject::variable(std::string_view name) const {
  for (const auto& v : environment.variables)
    if (v.name == name) return &v;
  return nullptr;
}

Parsed<CodeBuildProject> codebuild_project_from_cfn(const Node& props,
                                                    const std::string& logical_id) {
  Parsed<CodeBuildProject> out;
  CodeBuildProject& p = out.value;
  Diagnostics& d = out.diagnostics;
  p.logical_id = logical_id;
  p.mark = props.mark();
  if (!read::expect_map(&props, "AWS::CodeBuild::Project Properties", d, kRule)) return out;
  unknown(props,
          {"Artifacts",
           "AutoRetryLimit",
           "BadgeEnabled",
           "BuildBatchConfig",
           "Cache",
           "ConcurrentBuildLimit",
           "Description",
           "EncryptionKey",
           "Environment",
           "FileSystemLocations",
           "LogsConfig",
           "Name",
           "QueuedTimeoutInMinutes",
           "ResourceAccessRole",
           "SecondaryArtifacts",
           "SecondarySourceVersions",
           "SecondarySources",
           "ServiceRole",
           "Source",
           "SourceVersion",
           "Tags",
           "TimeoutInMinutes",
           "Triggers",
           "Visibility",
           "VpcConfig"},
          d, "AWS::CodeBuild::Project");
  for (const char* req : {"Artifacts", "Environment", "ServiceRole", "Source"})
    if (!props.find(req))
      d.error(props.mark(),
              fmt::format("AWS::CodeBuild::Project is missing the required property '{}'", req),
              kRule);
  p.name = read::scalar(props.find("Name"));
  if (const Node* env = props.find("Environment")) read_environment(*env, p.environment, d);
  if (const Node* src = props.find("Source"); src && read::expect_map(src, "Source", d, kRule)) {
    unknown(*src,
            {"Auth", "BuildSpec", "BuildStatusConfig", "GitCloneDepth", "GitSubmodulesConfig",
             "InsecureSsl", "Location", "ReportBuildStatus", "SourceIdentifier", "Type"},
            d, "Source");
    p.source.type = read::scalar(src->find("Type"));
    p.source.buildspec = read::scalar(src->find("BuildSpec"));
    p.source.buildspec_mark = src->find("BuildSpec") ? src->find("BuildSpec")->mark() : src->mark();
    p.source.location = read::scalar(src->find("Location"));
  }
  if (const Node* a = props.find("Artifacts"); a && read::expect_map(a, "Artifacts", d, kRule)) {
    unknown(*a,
            {"ArtifactIdentifier", "EncryptionDisabled", "Location", "Name", "NamespaceType",
             "OverrideArtifactName", "Packaging", "Path", "Type"},
            d, "Artifacts");
    p.artifacts = {read::scalar(a->find("Type")), read::scalar(a->find("Location")),
                   read::scalar(a->find("Name")), read::scalar(a->find("Packaging"))};
  }
  if (const Node* t = props.find("TimeoutInMinutes"))
    p.timeout_in_minutes = minutes(*t, "TimeoutInMinutes", 5, 2160, d);
  if (const Node* t = props.find("QueuedTimeoutInMinutes"))
    p.queued_timeout_in_minutes = minutes(*t, "QueuedTimeoutInMinutes", 5, 480, d);
  if (const Node* c = props.find("Cache"); c && read::expect_map(c, "Cache", d, kRule)) {
    unknown(*c, {"Location", "Modes", "Type"}, d, "Cache");
    p.cache.type = read::scalar(c->find("Type"));
    p.cache.location = read::scalar(c->find("Location"));
    if (const Node* modes = c->find("Modes"))
      for (const auto& m : read::scalar_or_list(*modes)) p.cache.modes.push_back(m.str());
  }
  if (const Node* role = props.find("ServiceRole")) p.service_role = *role;
  return out;
}

}  // namespace pipemu::model
