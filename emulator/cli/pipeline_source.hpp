#pragma once
// Loads the pipeline a template declares without deploying it (plan, graph): the
// AWS::CodePipeline::Pipeline resource's raw properties, intrinsics left unresolved.
#include <string>

#include "model/expected.hpp"
#include "model/pipeline.hpp"

namespace pipemu::cli {

// Errors are rendered diagnostics (file:line:col, source line, caret).
Expected<model::Pipeline, std::string> load_declared_pipeline(const std::string& template_path);

struct PipelineRegion {
  std::string region;
  std::string source;  // why this region, in words ("from --region", ...)
};

// The region a pipeline lives in when nothing deploys it (plan, graph, explain): --region, else
// AWS_REGION / AWS_DEFAULT_REGION as the aws CLI reads them, else the first ArtifactStores entry
// (a pipeline's own region always has a store), else us-east-1.
PipelineRegion pick_pipeline_region(const std::string& flag, const model::Pipeline& pipeline);

}  // namespace pipemu::cli
