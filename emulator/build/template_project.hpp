#pragma once
// Picks an AWS::CodeBuild::Project out of a CloudFormation template for `pipemu build` and
// resolves what a build needs from its environment variables: `!Ref Param` from --parameter
// overrides or the Default, and SSM-typed parameters (AWS::SSM::Parameter::Value<String>, as the
// article's EuBucket) from the region's SSM fake. Other intrinsics are reported, not guessed.
#include <map>
#include <string>

#include "build/runner.hpp"
#include "model/codebuild_project.hpp"

namespace pipemu::build {

struct TemplateProjectRequest {
  std::string template_path;
  std::string logical_id;  // "" = the only AWS::CodeBuild::Project in the template
  std::map<std::string, std::string> parameters;  // overrides
  ParameterLookup ssm;     // for AWS::SSM::Parameter::Value<...> parameters; may be null
};

Expected<model::CodeBuildProject, std::string> project_from_template(const TemplateProjectRequest& request);

}  // namespace pipemu::build
