#pragma once
// The names a scenario's expectations may use, read from its pipeline template.
#include <string>

#include "scenario/parse.hpp"

namespace pipemu::scenario {

// Empty names when the template does not load (a scenario may expect exactly that YAML error).
PipelineNames pipeline_names(const std::string& template_path, const std::string& pipeline_region);

}  // namespace pipemu::scenario
