#pragma once
// Deploy/AWS/CloudFormation/1: deploy::run_cloudformation_action on the action region's fake,
// plus what only the engine knows: artifact files, the OutputFileName artifact, the stack record.
#include "engine/ports.hpp"
#include "fakes/cloudformation/service.hpp"

namespace pipemu::engine {

class CloudFormationAction final : public ActionExecutor {
 public:
  CloudFormationAction(cfn::Service& cloudformation, std::string account)
      : cfn_(cloudformation), account_(std::move(account)) {}
  ActionOutcome run(const ActionContext& ctx) override;

 private:
  cfn::Service& cfn_;
  std::string account_;
};

// A cfn stack as the run record shows it.
StackRecord stack_record(const std::string& region, const cfn::Stack& stack,
                         const std::vector<cfn::Resource>& resources,
                         const std::vector<cfn::Export>& exports);

}  // namespace pipemu::engine
