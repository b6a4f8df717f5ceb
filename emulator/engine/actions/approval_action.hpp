#pragma once
// Approval/AWS/Manual/1. There is nobody to click "Approve" locally, so `--approve` decides:
// all (approve every one), none (reject every one: the action fails as a rejection does), or
// ask (prompt on the terminal; no terminal means reject).
#include <functional>
#include <mutex>
#include <string>

#include "engine/ports.hpp"

namespace pipemu::engine {

enum class ApprovalPolicy { All, None, Ask };

class ApprovalAction final : public ActionExecutor {
 public:
  // `ask`: shows the prompt and returns the answer line; null when there is no terminal.
  ApprovalAction(ApprovalPolicy policy, std::function<std::optional<std::string>(const std::string&)> ask)
      : policy_(policy), ask_(std::move(ask)) {}
  ActionOutcome run(const ActionContext& ctx) override;

 private:
  ApprovalPolicy policy_;
  std::function<std::optional<std::string>(const std::string&)> ask_;
  std::mutex prompt_mutex_;  // parallel approvals ask one at a time
};

}  // namespace pipemu::engine
