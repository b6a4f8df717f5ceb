#include "engine/actions/source_action.hpp"

#include <filesystem>

#include <fmt/format.h>

namespace pipemu::engine {

ActionOutcome SourceAction::run(const ActionContext& ctx) {
  source::GitSourceRequest req;
  req.repository = settings_.repository;
  req.branch = !settings_.branch.empty() ? settings_.branch
               : settings_.commit.empty() ? ctx.config("Branch") : "";
  req.commit = settings_.commit;
  req.worktree = settings_.worktree;
  req.checkout_dir = (std::filesystem::path(ctx.work_dir) / "checkout").string();
  if (!ctx.config("Owner").empty() && !ctx.config("Repo").empty()) {
    req.repository_name = ctx.config("Repo");
    req.full_repository_name = ctx.config("Owner") + "/" + ctx.config("Repo");
  }
  ctx.log(fmt::format("Fetching {}{}{}", req.repository, req.branch.empty() ? "" : " branch " + req.branch,
                      req.commit.empty() ? "" : " commit " + req.commit));
  auto rev = source::fetch_source(req);
  if (!rev) return ActionOutcome::failed(rev.error());
  ctx.log(fmt::format("Checked out {} ({}){}: {}", rev->commit_id.substr(0, 12), rev->branch_name,
                      rev->dirty ? " with local changes" : "", rev->commit_message));
  ActionOutcome o;
  if (ctx.action->output_artifacts.size() == 1) {
    std::string zip = (std::filesystem::path(ctx.work_dir) / "source.zip").string();
    auto w = source::write_source_artifact(rev->dir, zip);
    if (!w) return ActionOutcome::failed(w.error());
    o.outputs.push_back({ctx.action->output_artifacts[0].name, zip});
  }
  o.output_variables = rev->variables();
  o.revision = rev->commit_id;
  o.summary = fmt::format("{} {}", rev->branch_name, rev->commit_id.substr(0, 12));
  std::lock_guard lock(mutex_);
  revision_ = *rev;
  return o;
}

std::optional<source::SourceRevision> SourceAction::revision() const {
  std::lock_guard lock(mutex_);
  return revision_;
}

}  // namespace pipemu::engine
