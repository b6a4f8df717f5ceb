#pragma once
// The CloudFormation action's inputs that come from artifacts (aws-semantics.md §3.1):
// TemplatePath / TemplateConfiguration ("Artifact::path/in/zip"), and ParameterOverrides with
// Fn::GetParam and Fn::GetArtifactAtt. Reading a file out of an artifact is the caller's job
// (a callback), so deploy/ knows nothing of zips or S3.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::deploy {

// An input artifact of the action, where it lives in the action's region.
struct InputArtifact {
  std::string name;
  std::string bucket;
  std::string key;
  std::string region;
};

// Returns a file's contents from an input artifact, or an error text.
using ArtifactReader =
    std::function<Expected<std::string, std::string>(const std::string& artifact, const std::string& path)>;

struct ArtifactPath {
  std::string artifact;
  std::string path;
};

// "BuildOutput::packaged.yaml" -> {BuildOutput, packaged.yaml}. `key` names the config key in
// errors. The artifact must be one of `inputs`.
Expected<ArtifactPath, std::string> parse_artifact_path(const std::string& key, const std::string& value,
                                                        const std::vector<InputArtifact>& inputs);

struct TemplateConfiguration {
  std::map<std::string, std::string> parameters;
  std::map<std::string, std::string> tags;
};

Expected<TemplateConfiguration, std::string> parse_template_configuration(const std::string& json_text,
                                                                          const std::string& where);

// Parses ParameterOverrides (a JSON object) and evaluates Fn::GetParam / Fn::GetArtifactAtt.
Expected<std::map<std::string, std::string>, std::string> evaluate_parameter_overrides(
    const std::string& json_text, const std::vector<InputArtifact>& inputs, const ArtifactReader& read);

}  // namespace pipemu::deploy
