#pragma once
// ValidateTemplate's semantic half: every Ref/GetAtt/Sub target exists (parameters, resources,
// pseudo parameters), conditions exist and reference only parameters/mappings/conditions,
// FindInMap names a declared mapping, no resource cycles. Returns the first error as AWS does.
#include <array>
#include <string_view>

#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

Result<Ok> validate_template(const Template& tpl);

// True for AWS::Region, AWS::AccountId, ... (the pseudo parameters Ref accepts).
bool is_pseudo_parameter(std::string_view name);
// Every pseudo parameter, sorted (the table is_pseudo_parameter reads).
const std::array<std::string_view, 8>& pseudo_parameters();

}  // namespace pipemu::cfn
