#include "engine/actions/approval_action.hpp"

#include <fmt/format.h>

namespace pipemu::engine {

ActionOutcome ApprovalAction::run(const ActionContext& ctx) {
  std::string what = fmt::format("Approval {}/{}", ctx.stage ? ctx.stage->name : "", ctx.action->name);
  if (!ctx.config("CustomData").empty()) ctx.log("CustomData: " + ctx.config("CustomData"));
  if (!ctx.config("ExternalEntityLink").empty()) ctx.log("Review: " + ctx.config("ExternalEntityLink"));
  bool approved = policy_ == ApprovalPolicy::All;
  std::string by = policy_ == ApprovalPolicy::All ? "--approve all" : "--approve none";
  if (policy_ == ApprovalPolicy::Ask) {
    std::lock_guard lock(prompt_mutex_);
    auto answer = ask_ ? ask_(what + ": approve? [y/N] ") : std::nullopt;
    approved = answer && (*answer == "y" || *answer == "Y" || *answer == "yes");
    by = answer ? "the terminal" : "--approve ask without a terminal";
  }
  ActionOutcome o;
  if (approved) {
    ctx.log("Approved by " + by);
    o.summary = "Approved";
    return o;
  }
  ctx.log("Rejected by " + by);
  return ActionOutcome::failed(fmt::format("Rejected by {}", by), "JobFailed");
}

}  // namespace pipemu::engine
