#pragma once
// Evaluates intrinsic functions, conditions and pseudo parameters over a parsed template.
// Every intrinsic checks its argument shape and fails with AWS's "Template error: ..." wording;
// Fn::If returning AWS::NoValue removes the enclosing property or list item.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakes/cloudformation/template/context.hpp"
#include "fakes/cloudformation/template/parameters.hpp"
#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

struct EvaluatedOutput {
  std::string logical_id;
  std::string description;
  std::string value;  // lists are joined with "," as DescribeStacks shows them
  std::optional<std::string> export_name;
};

class Evaluator {
 public:
  // `tpl` must outlive the evaluator (it is referenced, not copied).
  Evaluator(const Template& tpl, std::vector<ResolvedParameter> params, EvalContext ctx);

  // A named condition's value (memoised). Unknown name -> "Template format error: Unresolved
  // condition dependencies [X] in the Conditions block of the template"-style errors.
  Result<bool> condition(const std::string& name);
  // Every declared condition, evaluated.
  Result<std::map<std::string, bool>> conditions();
  // Whether a resource/output is part of the stack under the current conditions.
  Result<bool> resource_included(const ResourceDecl& r);

  // Resolves every intrinsic inside `value`. Ref/GetAtt to resources go through the callbacks.
  Result<model::Node> resolve(const model::Node& value);
  // A resource's Properties with intrinsics resolved and AWS::NoValue removed (Null when none).
  Result<model::Node> resource_properties(const std::string& logical_id);
  // Outputs whose condition holds, resolved.
  Result<std::vector<EvaluatedOutput>> outputs();
  // The Rules section against the bound parameters: for each rule whose RuleCondition holds,
  // every Assert must hold, else a ValidationError with its AssertDescription. Supports
  // Fn::Equals/And/Or/Not, Fn::Contains, Fn::EachMemberEquals, Fn::EachMemberIn over Ref'd
  // parameters; Fn::ValueOf/ValueOfAll/RefAll need the EC2 API and fail as unsupported.
  Result<Ok> check_rules();

  const std::vector<ResolvedParameter>& parameters() const { return params_; }
  const EvalContext& context() const { return ctx_; }

 private:
  friend class EvalImpl;
  const Template& tpl_;
  std::vector<ResolvedParameter> params_;
  EvalContext ctx_;
  std::map<std::string, bool> cond_cache_;
  std::vector<std::string> cond_stack_;  // for cycles among conditions
};

// Availability zones Fn::GetAZs returns for a region (realistic names: us-east-1a..f, ...).
std::vector<std::string> availability_zones(const std::string& region);

// The intrinsic functions the evaluator answers (Ref, the value functions, the condition
// functions), from its dispatch table; anything else is "Encountered unsupported function".
std::vector<std::string> intrinsic_functions();

}  // namespace pipemu::cfn
