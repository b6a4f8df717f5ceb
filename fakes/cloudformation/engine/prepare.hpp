#pragma once
// Everything CreateStack / UpdateStack / CreateChangeSet check before touching a resource, in
// AWS's order: the template parses, transforms expand (SAM), capabilities are acknowledged, the
// references hold, parameters bind (SSM types read from the region's SSM at this moment).
// A failure here is the API call's error: no stack, event or change set is made.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fakes/cloudformation/errors.hpp"
#include "fakes/cloudformation/template/context.hpp"
#include "fakes/cloudformation/template/parameters.hpp"
#include "fakes/cloudformation/template/template.hpp"
#include "fakes/cloudformation/types.hpp"

namespace pipemu::cfn {

struct PrepareInput {
  std::string template_body;
  std::vector<ParameterInput> parameters;
  std::map<std::string, std::string> previous;  // previous given values, for UsePreviousValue
  std::vector<std::string> capabilities;
  StackInfo stack;
  SsmLookup ssm;
  // Change sets show the expanded template for review, so macros need no CAPABILITY_AUTO_EXPAND.
  bool for_change_set = false;
};

struct Prepared {
  std::string body;                     // as submitted
  std::shared_ptr<const Template> tpl;  // processed (after transforms)
  std::string processed_json;           // GetTemplate TemplateStage=Processed
  std::vector<ResolvedParameter> params;
  std::vector<std::string> required_capabilities;

  // Parameters as DescribeStacks reports them (NoEcho values masked at the wire).
  std::vector<ParameterValue> parameter_values() const;
};

ApiResult<Prepared> prepare(const PrepareInput& in);

// The parsed-and-processed template of a stack already deployed (for deletion policies and
// GetTemplateSummary); nullptr when the stack has none (REVIEW_IN_PROGRESS).
std::shared_ptr<const Template> stored_template(const Stack& stack);

}  // namespace pipemu::cfn
