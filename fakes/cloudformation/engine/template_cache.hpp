#pragma once
// Parsed template bodies, from a small cache of the bodies seen last. Parsing a body (YAML or
// JSON, with marks for errors) was the largest single cost of CreateStack, CreateChangeSet and
// ExecuteChangeSet, and the same text comes back again and again: a change set is prepared at
// creation and again at execution, a pipeline's deploy action submits the same template on every
// run. The parse is a pure function of the text, so a hit hands out the same immutable Template.
// Failures are not kept (they are re-parsed, and cheap to report).
#include <memory>
#include <string>

#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

Result<std::shared_ptr<const Template>> parsed_template(const std::string& body);

}  // namespace pipemu::cfn
