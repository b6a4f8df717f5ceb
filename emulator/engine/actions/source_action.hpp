#pragma once
// Source/ThirdParty/GitHub/1 (and Source/AWS/CodeCommit/1): the repository given to `pipemu run
// --repo` stands in for GitHub. The checkout is a tree without .git, zipped as the output
// artifact; the output variables are GitHub v1's (aws-semantics.md §2.5).
#include <mutex>
#include <optional>

#include "engine/ports.hpp"
#include "source/git_source.hpp"

namespace pipemu::engine {

struct SourceSettings {
  std::string repository;  // --repo
  std::string branch;      // --branch ("" = the action's Branch, else HEAD's)
  std::string commit;      // --commit
  bool worktree = false;
};

class SourceAction final : public ActionExecutor {
 public:
  explicit SourceAction(SourceSettings settings) : settings_(std::move(settings)) {}
  ActionOutcome run(const ActionContext& ctx) override;
  // The revision the last run checked out (for the run record's trigger).
  std::optional<source::SourceRevision> revision() const;

 private:
  SourceSettings settings_;
  mutable std::mutex mutex_;
  std::optional<source::SourceRevision> revision_;
};

}  // namespace pipemu::engine
