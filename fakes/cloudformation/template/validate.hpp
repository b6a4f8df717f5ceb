#pragma once
// ValidateTemplate's semantic half: every Ref/GetAtt/Sub target exists (parameters, resources,
// pseudo parameters), conditions exist and reference only parameters/mappings/conditions,
// FindInMap names a declared mapping, no resource cycles. Returns the first error as AWS does.
#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

Result<Ok> validate_template(const Template& tpl);

// True for AWS::Region, AWS::AccountId, ... (the pseudo parameters Ref accepts).
bool is_pseudo_parameter(std::string_view name);

}  // namespace pipemu::cfn
