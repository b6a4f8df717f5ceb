#include "engine/session/action_types.hpp"

namespace pipemu::engine {

const std::vector<EmulatedActionType>& emulated_action_types() {
  static const std::vector<EmulatedActionType> table = {
      {"Source", "ThirdParty", "GitHub", ActionRunner::Source,
       "Checks out the branch (or `--commit`) of the repository given with `--repo` through "
       "libgit2 and zips the tree without `.git`, with the source variables."},
      {"Source", "AWS", "CodeCommit", ActionRunner::Source,
       "As GitHub: the repository comes from `--repo`."},
      {"Source", "AWS", "CodeStarSourceConnection", ActionRunner::Source,
       "As GitHub: the repository comes from `--repo`."},
      {"Build", "AWS", "CodeBuild", ActionRunner::CodeBuild,
       "Runs the project's buildspec in Docker (or `--executor local`) with CodeBuild's phases, "
       "variables and artifacts; the build reaches the regional fakes."},
      {"Test", "AWS", "CodeBuild", ActionRunner::CodeBuild, "As the Build category."},
      {"Deploy", "AWS", "CloudFormation", ActionRunner::CloudFormation,
       "Drives the region's CloudFormation fake in the action's ActionMode (below)."},
      {"Deploy", "AWS", "S3", ActionRunner::S3Deploy,
       "Writes the input artifact (extracted or as one object) to the region's S3 fake."},
      {"Approval", "AWS", "Manual", ActionRunner::Approval,
       "Approved or rejected as `pipemu run --approve` says: `all`, `none`, or `ask` (a prompt "
       "on the terminal)."},
  };
  return table;
}

}  // namespace pipemu::engine
