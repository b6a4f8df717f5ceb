#pragma once
// What the evaluator needs from the world, injected by the caller (cfn-stacks): the stack's
// identity for pseudo parameters, and callbacks for values only the running stack knows.
// Resolution happens in dependency order at create/update time, so a callback is asked only
// about resources the graph has already placed before the one being resolved.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fakes/cloudformation/template/error.hpp"
#include "model/node.hpp"

namespace pipemu::cfn {

struct StackInfo {
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string stack_name;
  std::string stack_id;  // full ARN
  std::vector<std::string> notification_arns;

  // aws / aws-cn / aws-us-gov from the region, and the matching URL suffix.
  std::string partition() const;
  std::string url_suffix() const;
};

struct EvalCallbacks {
  // Physical id (what Ref returns) of a created resource.
  std::function<Result<std::string>(const std::string& logical_id)> ref_resource;
  // Value of Fn::GetAtt on a created resource; a scalar or a sequence.
  std::function<Result<model::Node>(const std::string& logical_id, const std::string& attribute)>
      get_att;
  // Value of an export in this account+region; nullopt -> "No export named X found."
  std::function<std::optional<std::string>(const std::string& export_name)> import_value;
  // SSM parameter value (latest or a given version) for {{resolve:ssm:name[:version]}}.
  std::function<std::optional<std::string>(const std::string& name,
                                           std::optional<long long> version)>
      ssm_get;
};

struct EvalContext {
  StackInfo stack;
  EvalCallbacks callbacks;
};

}  // namespace pipemu::cfn
