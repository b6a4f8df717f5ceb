#pragma once
// An AWS::CodeBuild::Project as plain data: what a local build needs to know (image, privileged
// mode, environment variables, timeouts, cache) and where its buildspec comes from. Values that
// may still be intrinsics (an environment variable's `Value: !Ref EuBucket`) stay Nodes.
#include <string>
#include <vector>

#include "model/node.hpp"
#include "model/parsed.hpp"

namespace pipemu::model {

struct EnvironmentVariable {
  std::string name;
  Node value;                      // a scalar once resolved; may be {Ref: X} in a raw template
  std::string type = "PLAINTEXT";  // PLAINTEXT, PARAMETER_STORE, SECRETS_MANAGER
  Mark mark;

  std::string value_text() const { return value.as_string(); }  // "" while unresolved
};

struct CodeBuildEnvironment {
  std::string compute_type;  // BUILD_GENERAL1_SMALL, ...
  std::string image;         // aws/codebuild/standard:2.0, ...
  std::string type;          // LINUX_CONTAINER, ...
  bool privileged_mode = false;
  std::vector<EnvironmentVariable> variables;
  Mark mark;
  Mark image_mark;
};

struct CodeBuildSource {
  std::string type;  // CODEPIPELINE, GITHUB, S3, NO_SOURCE, ...
  // Source.BuildSpec: an inline YAML buildspec, a path relative to the source root, or an S3
  // ARN; empty means `buildspec.yml` at the source root.
  std::string buildspec;
  Mark buildspec_mark;
  std::string location;

  bool buildspec_is_inline() const;  // contains a newline or a `version:` key
  // The file the build reads: `buildspec` when it names a file, else "buildspec.yml".
  std::string buildspec_path() const;
};

struct CodeBuildArtifacts {
  std::string type;  // CODEPIPELINE, S3, NO_ARTIFACTS
  std::string location;
  std::string name;
  std::string packaging;
};

struct CodeBuildCache {
  std::string type = "NO_CACHE";  // NO_CACHE, LOCAL, S3
  std::vector<std::string>
      modes;  // LOCAL_SOURCE_CACHE, LOCAL_DOCKER_LAYER_CACHE, LOCAL_CUSTOM_CACHE
  std::string location;
};

struct CodeBuildProject {
  std::string logical_id;  // the template's key, when loaded from a template
  std::string name;        // Name; "" when CloudFormation generates it
  Mark mark;
  CodeBuildEnvironment environment;
  CodeBuildSource source;
  CodeBuildArtifacts artifacts;
  int timeout_in_minutes = 60;
  int queued_timeout_in_minutes = 480;
  CodeBuildCache cache;
  Node service_role;  // an ARN, or an unresolved intrinsic

  const EnvironmentVariable* variable(std::string_view name) const;
};

// From an AWS::CodeBuild::Project resource's Properties. `logical_id` names it in messages.
Parsed<CodeBuildProject> codebuild_project_from_cfn(const Node& properties,
                                                    const std::string& logical_id = {});

}  // namespace pipemu::model
