#pragma once
// The pipeline template is deployed first, as a stack in the pipeline region's CloudFormation
// fake (issue 6 item 4): SSM-typed parameters resolve from that region's SSM fake, ImportValues
// from that region's exports, and the pipeline that runs is the one the stack created — built
// from the AWS::CodePipeline::Pipeline resource's evaluated properties. A missing parameter or
// export is an error naming it, its place in the template and the `aws` command that creates it.
#include <map>
#include <string>
#include <vector>

#include "engine/actions/local_aws.hpp"
#include "engine/run_record.hpp"
#include "model/codebuild_project.hpp"
#include "model/expected.hpp"
#include "model/pipeline.hpp"

namespace pipemu::engine {

struct PipelineStackRequest {
  std::string template_path;
  std::string region;
  std::string stack_name;  // "" = "pipemu-<template file stem>"
  std::map<std::string, std::string> parameters;  // --param Name=Value
};

struct DeployedPipeline {
  model::Pipeline pipeline;
  std::string pipeline_logical_id;
  StackRecord stack;  // the pipeline stack as deployed
  // CodeBuild projects the stack created, by (region, project name).
  std::map<std::pair<std::string, std::string>, model::CodeBuildProject> projects;
  std::vector<std::string> notes;  // what happened ("created", "no changes", ...), for Notices
};

// Creates or updates stack `stack_name` from a template file in `region` (SSM parameters and
// imports checked first, as below). "No updates are to be performed." is success; a stack left in
// ROLLBACK_COMPLETE by an earlier failed create is deleted and created again. `note` says which.
struct DeployedStack {
  StackRecord record;
  std::vector<cfn::Resource> resources;
  std::string note;
};
Expected<DeployedStack, std::string> deploy_template_stack(LocalAws& aws, const PipelineStackRequest& request);

// Errors are complete messages for the terminal (with file:line:col where there is one).
Expected<DeployedPipeline, std::string> deploy_pipeline_stack(LocalAws& aws, const PipelineStackRequest& request);

std::string default_stack_name(const std::string& template_path);

}  // namespace pipemu::engine
