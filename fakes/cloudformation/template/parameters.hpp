#pragma once
// Binds the values a caller gives (CreateStack/UpdateStack/CreateChangeSet Parameters) to a
// template's declarations: defaults, UsePreviousValue, type and constraint checks, and SSM
// parameter types resolved through the caller's lookup (the region's SSM fake) at operation time.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

// Returns the current value of an SSM parameter, or nullopt when it does not exist.
using SsmLookup = std::function<std::optional<std::string>(const std::string& name)>;

struct ParameterInput {
  std::string key;
  std::optional<std::string> value;
  bool use_previous_value = false;
};

struct ResolvedParameter {
  std::string key;
  std::string type;
  std::string value;                          // what the caller gave or the default (SSM: the key)
  std::optional<std::string> resolved_value;  // SSM types only: the value read at operation time
  bool no_echo = false;
  // What `Ref` yields: a scalar, or a sequence for list types (CommaDelimitedList, List<...>).
  model::Node ref_value;
};

// Errors, in AWS's words:
//   "Parameters: [A, B] must have values"                         (no value and no default)
//   "Parameters: [X] do not exist in the template"                (input key not declared)
//   "Parameter 'X' must be one of AllowedValues"
//   "Parameter 'X' must match pattern <p>"
//   "Parameter 'X' must be a number"
//   "Parameter 'X' must be a number not less than <min>" / "... not greater than <max>"
//   "Parameter 'X' must contain at least <n> characters" / "... at most <n> characters"
//   "Parameters: [<ssm-name>] cannot be found."                   (SSM key missing)
// ConstraintDescription, when declared, replaces the constraint message as AWS does.
// `previous` holds the previous *given* values (SSM: keys), for UsePreviousValue.
Result<std::vector<ResolvedParameter>> resolve_parameters(
    const Template& tpl, const std::vector<ParameterInput>& given,
    const std::map<std::string, std::string>& previous, const SsmLookup& ssm);

}  // namespace pipemu::cfn
