#pragma once
// Expansion of AWS::Serverless-2016-10-31 (SAM) into plain CloudFormation, mirroring
// aws-sam-translator's logical ids and resource shapes for the supported subset:
// AWS::Serverless::Function (role, code, events Api/Schedule/SNS/SQS, AutoPublishAlias,
// Policies), AWS::Serverless::Api, AWS::Serverless::SimpleTable, and Globals.
#include "fakes/cloudformation/template/context.hpp"
#include "model/node.hpp"

namespace pipemu::cfn::sam {

// `root` is the whole template (with Transform); the result has no Globals and no Serverless
// resources, and its Transform entry for SAM removed. Errors read as AWS reports a failed SAM
// transform.
Result<model::Node> expand(const model::Node& root, const StackInfo& stack);

}  // namespace pipemu::cfn::sam
