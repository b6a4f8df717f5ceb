#pragma once
// Template-level transforms (the Transform section). AWS::Serverless-2016-10-31 is expanded in
// process (serverless/); other macros are not available locally and fail as AWS fails for a
// macro that does not exist in the account.
#include <string>

#include "fakes/cloudformation/template/context.hpp"
#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

inline constexpr const char* kServerlessTransform = "AWS::Serverless-2016-10-31";

// True when the document declares any Transform (so CAPABILITY_AUTO_EXPAND applies).
bool has_transforms(const model::Node& root);

// Applies the Transform section in order and returns the processed document (what GetTemplate
// returns for TemplateStage=Processed). A document without transforms is returned unchanged.
// SAM errors read like AWS's: "Transform AWS::Serverless-2016-10-31 failed with: Invalid
// Serverless Application Specification document. Number of errors found: 1. Resource with id
// [Fn] is invalid. ..."
Result<model::Node> process_transforms(const model::Node& root, const StackInfo& stack);

}  // namespace pipemu::cfn
