#pragma once
// Parameter name, selector and label rules (aws-semantics.md §8.1), separate from the service so
// they can be tested on their own.
#include <optional>
#include <string>

#include "fakes/core/aws_error.hpp"

namespace pipemu::ssm {

// Checks a name for PutParameter: characters, reserved prefixes, hierarchy depth, length.
std::optional<fakes::AwsError> check_name(const std::string& name);

struct Selected {
  std::string name;
  std::string selector;  // "" or ":<version>" / ":<label>"
};
// Splits "name:selector"; also accepts a parameter ARN in place of the name.
Selected split_selector(const std::string& name_with_selector);

// A label is valid for LabelParameterVersion (else it goes to InvalidLabels).
bool valid_label(const std::string& label);

}  // namespace pipemu::ssm
