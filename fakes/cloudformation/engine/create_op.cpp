// CreateStack / executing a CREATE change set: resources in dependency order, then outputs and
// exports; any failure rolls back by deleting, newest first, everything made so far.
#include "fakes/cloudformation/engine/exports.hpp"
#include "fakes/cloudformation/engine/operations.hpp"
#include "fakes/cloudformation/engine/steps.hpp"

namespace pipemu::cfn {

namespace {

// "The following resource(s) failed to create: [A]. " + "Rollback requested by user." (AWS
// joins a stack-level reason with a space instead).
std::string rollback_reason(const std::string& failure) {
  bool ends_with_space = !failure.empty() && failure.back() == ' ';
  return failure + (ends_with_space ? "" : " ") + "Rollback requested by user.";
}

// Deletes the stack's resources newest first; returns the ids that failed to delete.
std::vector<std::string> delete_all(Env& env, const Stack& stack) {
  auto rows = env.store.resources(stack.id);
  std::vector<std::string> failed;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    if (it->physical_id.empty()) {  // never made: nothing to undo
      resource_event(env, stack, it->logical_id, "", it->type, "DELETE_COMPLETE");
      env.store.delete_resource(stack.id, it->logical_id);
      continue;
    }
    if (delete_physical(env, stack, *it, false).empty())
      env.store.delete_resource(stack.id, it->logical_id);
    else
      failed.push_back(it->logical_id);
  }
  return failed;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& i : ids) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

void run_create(Env& env, Stack& stack, const Prepared& p, const std::string& on_failure) {
  stack.template_body = p.body;
  stack.processed_template = p.processed_json;
  stack.parameters = p.parameter_values();
  stack.description = p.tpl->description;
  set_stack_status(env, stack, "CREATE_IN_PROGRESS", "User Initiated");

  Runtime rt;
  Evaluator ev(*p.tpl, p.params, rt.context(env, stack));
  std::string failure;
  std::vector<EvaluatedOutput> outputs;
  auto order = creation_order(ev, *p.tpl);
  if (!order) failure = order.error().message;
  for (size_t i = 0; failure.empty() && i < order->size(); ++i) {
    const auto& id = (*order)[i];
    auto props = ev.resource_properties(id);
    if (!props) {
      failure = props.error().message;
      break;
    }
    if (!create_resource(env, stack, rt, *p.tpl->resource(id), to_properties(*props), false)
             .empty())
      failure = "The following resource(s) failed to create: [" + id + "]. ";
  }
  if (failure.empty()) {
    auto outs = ev.outputs();
    if (!outs) failure = outs.error().message;
    else if (auto conflict = export_conflict(env, stack, *outs); !conflict.empty())
      failure = conflict;
    else outputs = std::move(*outs);
  }
  if (failure.empty()) {
    publish_outputs(env, stack, outputs, rt.imports);
    stack.updated = 0;
    set_stack_status(env, stack, "CREATE_COMPLETE");
    return;
  }

  if (on_failure == "DO_NOTHING") {
    set_stack_status(env, stack, "CREATE_FAILED", failure);
    return;
  }
  set_stack_status(env, stack, "ROLLBACK_IN_PROGRESS", rollback_reason(failure));
  auto failed = delete_all(env, stack);
  if (!failed.empty()) {
    set_stack_status(env, stack, "ROLLBACK_FAILED",
                     "The following resource(s) failed to delete: [" + joined(failed) + "]. ");
    return;
  }
  set_stack_status(env, stack, "ROLLBACK_COMPLETE");
  if (on_failure == "DELETE") {
    set_stack_status(env, stack, "DELETE_IN_PROGRESS");
    withdraw_exports(env, stack);
    stack.deleted = env.clock.now();
    set_stack_status(env, stack, "DELETE_COMPLETE");
  }
}

void run_delete(Env& env, Stack& stack, const std::set<std::string>& retain) {
  set_stack_status(env, stack, "DELETE_IN_PROGRESS", "User Initiated");
  if (auto blocker = export_delete_blocker(env, stack); !blocker.empty()) {
    set_stack_status(env, stack, "DELETE_FAILED", blocker);
    return;
  }
  auto tpl = stored_template(stack);
  auto rows = env.store.resources(stack.id);
  std::vector<std::string> failed;
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    bool keep = retain.count(it->logical_id) != 0;
    if (tpl)
      if (const auto* decl = tpl->resource(it->logical_id); decl && decl->deletion_policy == "Retain")
        keep = true;
    if (it->physical_id.empty()) {
      env.store.delete_resource(stack.id, it->logical_id);
      continue;
    }
    if (delete_physical(env, stack, *it, keep).empty())
      env.store.delete_resource(stack.id, it->logical_id);
    else
      failed.push_back(it->logical_id);
  }
  if (!failed.empty()) {
    set_stack_status(env, stack, "DELETE_FAILED",
                     "The following resource(s) failed to delete: [" + joined(failed) + "]. ");
    return;
  }
  withdraw_exports(env, stack);
  env.store.delete_change_sets_of(stack.id);
  stack.deleted = env.clock.now();
  set_stack_status(env, stack, "DELETE_COMPLETE");
}

}  // namespace pipemu::cfn
