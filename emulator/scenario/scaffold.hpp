#pragma once
// `pipemu scenario new NAME`: a scenario folder that passes as written (a one-region pipeline:
// GitHub source -> CodeBuild on the local executor -> CloudFormation CREATE_UPDATE of a stack the
// build emits), for a team to edit into the case it wants to pin down.
#include <string>

#include "model/expected.hpp"

namespace pipemu::scenario {

// Creates <parent>/<name>/{scenario.yaml, pipeline.yaml, repo/...}. Refuses an existing folder
// and names that are not [a-z0-9-]+ (the name is also a stack and bucket name prefix).
Expected<std::string, std::string> scaffold(const std::string& parent, const std::string& name);

}  // namespace pipemu::scenario
