#pragma once
// The CloudFormation component's schema, as ordered migrations (migration i brings the
// component from version i to i+1). fakes/core's registry applies them under the component
// name "cloudformation".
#include <string>
#include <vector>

namespace pipemu::cfn::store {

inline constexpr const char* kComponent = "cloudformation";

const std::vector<std::string>& migrations();

}  // namespace pipemu::cfn::store
