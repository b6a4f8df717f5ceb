#pragma once
// The parameter types CloudFormation accepts (internal to the template library).
#include <string>

namespace pipemu::cfn {

// String, Number, List<Number>, CommaDelimitedList, the AWS-specific types and their List<>,
// AWS::SSM::Parameter::Name and AWS::SSM::Parameter::Value<...> of those (no lists of SSM types).
bool is_valid_parameter_type(const std::string& type);
// The type an SSM Value<...> parameter carries: "String", "List<String>", ...; `type` otherwise.
std::string ssm_inner_type(const std::string& type);
// AWS-specific types (AWS::EC2::VPC::Id, ...), without List<>.
bool is_aws_specific_type(const std::string& type);

}  // namespace pipemu::cfn
