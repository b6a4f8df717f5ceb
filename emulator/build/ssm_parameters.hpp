#pragma once
// env.parameter-store (and PARAMETER_STORE variables) resolved in-process from the region's SSM
// fake, with CodeBuild's error text.
#include "build/runner.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::build {

ParameterLookup ssm_lookup(ssm::Service& service, std::string account, std::string region);

}  // namespace pipemu::build
