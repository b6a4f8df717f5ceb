#pragma once
// Exports and imports across the stacks of one region (account+region scope, aws-semantics §4.5).
#include <set>
#include <string>
#include <vector>

#include "fakes/cloudformation/engine/env.hpp"
#include "fakes/cloudformation/template/evaluator.hpp"

namespace pipemu::cfn {

// Why `stack` cannot publish `outputs` ("" when it can): a name another stack exports, or an
// export of this stack that another stack imports and that would change or disappear.
std::string export_conflict(Env& env, const Stack& stack,
                            const std::vector<EvaluatedOutput>& outputs);
// Saves outputs on the stack record, replaces the stack's exports and imports.
void publish_outputs(Env& env, Stack& stack, const std::vector<EvaluatedOutput>& outputs,
                     const std::set<std::string>& imports);
// Why `stack` cannot be deleted ("" when it can): one of its exports is imported.
std::string export_delete_blocker(Env& env, const Stack& stack);
// Drops the stack's exports and imports (after deletion).
void withdraw_exports(Env& env, const Stack& stack);

}  // namespace pipemu::cfn
