#pragma once
// The pipeline action types a run can execute, as one table: the session builds its executor
// table from it and `pipemu coverage` lists it. Any other type fails its action with
// "pipemu does not emulate action type ...".
#include <vector>

namespace pipemu::engine {

enum class ActionRunner { Source, CodeBuild, CloudFormation, S3Deploy, Approval };

struct EmulatedActionType {
  const char* category;
  const char* owner;
  const char* provider;
  ActionRunner runner;
  const char* what;  // what pipemu does for it, in a sentence
};

const std::vector<EmulatedActionType>& emulated_action_types();

}  // namespace pipemu::engine
