#pragma once
// Which capabilities a stack operation must acknowledge, from the original and processed
// templates: CAPABILITY_IAM for IAM resources, CAPABILITY_NAMED_IAM when one has a custom name,
// CAPABILITY_AUTO_EXPAND when the original uses a transform/macro.
#include <string>
#include <vector>

#include "model/node.hpp"

namespace pipemu::cfn {

// In AWS's order: CAPABILITY_IAM or CAPABILITY_NAMED_IAM (not both), then CAPABILITY_AUTO_EXPAND.
std::vector<std::string> required_capabilities(const model::Node& original,
                                               const model::Node& processed);

// The capabilities from `required` missing in `given` (CAPABILITY_NAMED_IAM covers CAPABILITY_IAM).
std::vector<std::string> missing_capabilities(const std::vector<std::string>& required,
                                              const std::vector<std::string>& given);

// "Requires capabilities : [CAPABILITY_IAM]" (InsufficientCapabilitiesException's message).
std::string insufficient_capabilities_message(const std::vector<std::string>& missing);

}  // namespace pipemu::cfn
