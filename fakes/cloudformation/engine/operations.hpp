#pragma once
// Stack operations, run synchronously to a terminal status with AWS's events: create (with
// rollback / DO_NOTHING / DELETE on failure), update (replacement per property update
// behaviour, cleanup after success, UPDATE_ROLLBACK_* undoing what was done), delete (refused
// while another stack imports an export). Rollback leaves no resource behind in any fake.
#include <set>
#include <string>

#include "fakes/cloudformation/engine/env.hpp"
#include "fakes/cloudformation/engine/prepare.hpp"

namespace pipemu::cfn {

// `on_failure`: ROLLBACK (default), DO_NOTHING or DELETE.
void run_create(Env& env, Stack& stack, const Prepared& p, const std::string& on_failure);
void run_update(Env& env, Stack& stack, const Prepared& p, bool disable_rollback);
void run_delete(Env& env, Stack& stack, const std::set<std::string>& retain);

}  // namespace pipemu::cfn
