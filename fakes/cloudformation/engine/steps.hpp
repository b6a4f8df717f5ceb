#pragma once
// One resource at a time, with its events: the building blocks of operations.cpp. Each returns
// the failure reason ("" on success).
#include <string>

#include "fakes/cloudformation/engine/runtime.hpp"
#include "fakes/cloudformation/template/evaluator.hpp"
#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

ProviderContext provider_context(Env& env, const Stack& stack, const std::string& logical_id,
                                 const std::string& type);

// Creates `decl` with `props`. `replacing`: the update-time replacement of an existing
// resource (UPDATE_* events). Writes the resource row (CREATE_FAILED rows too, so a rollback
// reports them) and updates rt.
std::string create_resource(Env& env, const Stack& stack, Runtime& rt, const ResourceDecl& decl,
                            const Json& props, bool replacing);
// In-place update of `current` to `props`; on success the row and rt hold the new state.
std::string update_resource(Env& env, const Stack& stack, Runtime& rt, const Resource& current,
                            const Json& props, const std::string& metadata);
// Deletes the physical resource (events only; the caller removes the row). `retain` skips it.
std::string delete_physical(Env& env, const Stack& stack, const Resource& r, bool retain);

// True when a changed top-level property has update behaviour Always for the type.
bool requires_replacement(const std::string& type, const Json& before, const Json& after);

// Resources whose Condition holds, in creation order.
Result<std::vector<std::string>> creation_order(Evaluator& ev, const Template& tpl);

std::string metadata_text(const ResourceDecl& decl);

}  // namespace pipemu::cfn
