#pragma once
// Loads the pipeline a template declares without deploying it (plan, graph): the
// AWS::CodePipeline::Pipeline resource's raw properties, intrinsics left unresolved.
#include <string>

#include "model/expected.hpp"
#include "model/pipeline.hpp"

namespace pipemu::cli {

// Errors are rendered diagnostics (file:line:col, source line, caret).
Expected<model::Pipeline, std::string> load_declared_pipeline(const std::string& template_path);

}  // namespace pipemu::cli
