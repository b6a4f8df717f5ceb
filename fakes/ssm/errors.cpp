#include "fakes/ssm/errors.hpp"

#include <fmt/format.h>

namespace pipemu::ssm {

using fakes::aws_error;

AwsError validation(const std::string& message) { return aws_error("ValidationException", message); }

AwsError parameter_not_found(const std::string& name) {
  return aws_error("ParameterNotFound", fmt::format("Parameter {} not found.", name));
}

AwsError parameter_already_exists() {
  return aws_error("ParameterAlreadyExists",
                   "The parameter already exists. To overwrite this value, set the overwrite "
                   "option in the request to true.");
}

AwsError version_not_found(const std::string& name, const std::string& version) {
  return aws_error("ParameterVersionNotFound",
                   fmt::format("Systems Manager could not find version {} of {}. Verify the "
                               "version and try again.",
                               version, name));
}

AwsError hierarchy_level_limit() {
  return aws_error("HierarchyLevelLimitExceededException",
                   "A hierarchy can have a maximum of 15 levels. For more information, see "
                   "Requirements and Constraints for Parameter Names in the AWS Systems Manager "
                   "User Guide.");
}

AwsError hierarchy_type_mismatch(const std::string& from, const std::string& to) {
  return aws_error("HierarchyTypeMismatchException",
                   fmt::format("The parameter type can't be changed from {} to {}. Delete the "
                               "parameter and create it again with the new type.",
                               from, to));
}

AwsError access_denied_reserved(const std::string& name) {
  return aws_error("AccessDeniedException",
                   fmt::format("No access to reserved parameter name: {}.", name));
}

AwsError max_version_limit(const std::string& name, long long oldest) {
  return aws_error(
      "ParameterMaxVersionLimitExceeded",
      fmt::format("You attempted to create a new version of {} by calling the PutParameter API "
                  "with the overwrite flag. Version {}, the oldest version, can't be deleted "
                  "because it has a label associated with it. Move the label to another version "
                  "of the parameter, and try again.",
                  name, oldest));
}

AwsError label_limit() {
  return aws_error("ParameterVersionLabelLimitExceeded",
                   "A parameter version can have maximum 10 labels.Move one or more labels to "
                   "another version and try again.");
}

AwsError too_long_value(std::size_t limit) {
  return aws_error("ValidationException",
                   fmt::format("1 validation error detected: Value at 'value' failed to satisfy "
                               "constraint: Member must have length less than or equal to {}.",
                               limit));
}

AwsError unknown_operation(const std::string& operation) {
  return aws_error("UnknownOperationException",
                   fmt::format("The operation {} is not supported by pipemu's SSM fake.", operation));
}

}  // namespace pipemu::ssm
