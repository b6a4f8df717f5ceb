#pragma once
// The checks behind `pipemu validate`, one family per file. Each appends diagnostics with a
// stable rule id and, where AWS has one, AWS's own message. Pure: no I/O, no environment.
#include <string>
#include <vector>

#include "model/buildspec.hpp"
#include "model/codebuild_project.hpp"
#include "model/diagnostic.hpp"
#include "model/pipeline.hpp"
#include "model/template.hpp"
#include "model/webhook.hpp"

namespace pipemu::model::validate {

// refs.cpp: Ref / Fn::GetAtt / Fn::Sub names that are neither parameters, resources nor
// pseudo parameters (rules ref-undefined, getatt-undefined).
void check_refs(const Template& t, Diagnostics& d);

// resource_types.cpp: malformed or unknown resource types (resource-type-unknown, a warning:
// the resource is kept, only not checked).
void check_resource_types(const Template& t, Diagnostics& d);

// codebuild_rules.cpp: ComputeType, environment Type, variable types, cache type and modes.
void check_codebuild_project(const TemplateResource& r, Diagnostics& d);

// pipeline_rules.cpp: stages, names, artifacts, RunOrder, Source placement.
void check_pipeline_structure(const Pipeline& p, Diagnostics& d);

// action_rules.cpp: configuration keys and artifact counts per provider.
void check_action_configs(const Pipeline& p, Diagnostics& d);

// The action types whose configuration check_action_configs knows, one row per category (a
// spec shared by Build and Test appears under both), for `pipemu coverage`.
struct ActionTypeKeys {
  std::string category, owner, provider;
  std::vector<std::string> required, optional;
};
std::vector<ActionTypeKeys> action_type_keys();

// region_rules.cpp: ArtifactStore(s) versus action regions and the pipeline's own region.
// `region` is the pipeline's region; empty when unknown.
void check_pipeline_regions(const Pipeline& p, const std::string& region, Diagnostics& d);

// cloudformation_rules.cpp: ActionMode, required keys per mode, TemplatePath, change sets.
void check_cloudformation_actions(const Pipeline& p, const std::string& region, Diagnostics& d);

// webhook_rules.cpp: TargetAction names a source action; {Key} placeholders name its config.
// `target` is the pipeline TargetPipeline refers to (nullptr when it cannot be found).
void check_webhook(const Webhook& w, const Pipeline* target, Diagnostics& d);

// buildspec_rules.cpp: lints of the buildspec itself (folded backslash continuations) and
// against the project that runs it (runtime-versions the image lacks). `project` may be null.
void check_buildspec(const Buildspec& b, const CodeBuildProject* project, Diagnostics& d);

// build_outputs.cpp: every TemplatePath read from a build action's output artifact is a file
// the buildspec's artifacts section produces. `build_action` is the CodeBuild action whose
// buildspec `b` is.
void check_build_outputs(const Pipeline& p, const Action& build_action, const Buildspec& b,
                         Diagnostics& d);

}  // namespace pipemu::model::validate
