#pragma once
// The AWS::CodePipeline::Pipeline resource handler for the in-process CloudFormation fake:
// CreatePipeline/UpdatePipeline refuse a declaration that breaks CodePipeline's structural rules
// (aws-semantics §2.2) before anything runs, so the pipeline stack fails and rolls back the way
// it does on AWS ("Pipeline (AWS::CodePipeline::Pipeline) CREATE_FAILED: ... InvalidStructure
// Exception"). A valid declaration is recorded like any other resource (generic handler).
#include <memory>

#include "fakes/cloudformation/providers/provider.hpp"

namespace pipemu::engine {

std::shared_ptr<cfn::ResourceProvider> make_codepipeline_provider();

// The first structural error CreatePipeline would answer for these Properties in `region`, as
// CloudFormation shows a failed handler call; empty when the declaration is accepted.
std::string codepipeline_declaration_error(const cfn::Json& properties, const std::string& region,
                                           const std::string& request_id);

}  // namespace pipemu::engine
