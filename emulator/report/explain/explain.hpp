#pragma once
// `pipemu explain`: a plain-language account of a pipeline, derived from its template's model
// (never canned text): where it lives and why each region has its own artifact bucket, what
// triggers it, what each action does (words from the knowledge table), what runs in parallel,
// which artifact copy each action reads, and which exports/parameters it needs and how AWS fails
// without them.
#include <string>

#include "model/buildspec.hpp"
#include "model/pipeline.hpp"
#include "model/template.hpp"

namespace pipemu::report::explain {

struct Input {
  const model::Template* tmpl = nullptr;      // the whole template (parameters, webhooks, projects)
  const model::Pipeline* pipeline = nullptr;  // its AWS::CodePipeline::Pipeline, unresolved
  std::string pipeline_id;                    // the pipeline's logical id (webhooks Ref it)
  std::string region;                         // the pipeline's region
  std::string region_source;                  // why that region: "--region", "AWS_REGION", ...
  const model::Buildspec* buildspec = nullptr;  // optional: what the build reads at run time
  std::string buildspec_path;
};

// The whole pipeline.
std::string explain_pipeline(const Input& in, bool markdown);
// One action in depth. `action` must belong to in.pipeline.
std::string explain_action(const Input& in, const model::Action& action, bool markdown);

}  // namespace pipemu::report::explain
