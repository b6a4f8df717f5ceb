#pragma once
// SAM function event sources (Api, Schedule, SNS, SQS) as CloudFormation resources. Internal.
#include <string>
#include <vector>

#include "fakes/cloudformation/template/serverless/expansion.hpp"

namespace pipemu::cfn::sam {

struct FunctionTarget {
  std::string function_id;
  std::string alias_id;  // "" without AutoPublishAlias
  Node condition;        // the function's Condition, copied onto what it generates
};

// What events ask of the generated role (e.g. SQS polling rights).
struct EventNeeds {
  std::vector<std::string> managed_policies;  // paths after ":policy/"
};

void expand_event(Expansion& x, const FunctionTarget& fn, const std::string& event_id, const Node& event,
                  EventNeeds& needs);

}  // namespace pipemu::cfn::sam
