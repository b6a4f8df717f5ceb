// UpdateStack / executing an UPDATE change set. New and changed resources go in dependency
// order; a property whose update behaviour is Always replaces the resource (new physical id
// first, old one deleted in the cleanup phase). Removed resources are deleted only in cleanup,
// after everything else succeeded, so a rollback never has to re-create anything: it reverts
// in-place updates, points replaced resources back at their old physical ids and deletes what
// the update created.
#include <set>

#include "fakes/cloudformation/engine/exports.hpp"
#include "fakes/cloudformation/engine/operations.hpp"
#include "fakes/cloudformation/engine/steps.hpp"

namespace pipemu::cfn {

namespace {

struct Done {
  enum Kind { Added, Modified, Replaced } kind;
  std::string id;
  Resource before;  // Modified / Replaced: the resource as it was
};

void roll_back(Env& env, Stack& stack, Runtime& rt, const std::vector<Done>& done,
               const std::string& reason) {
  set_stack_status(env, stack, "UPDATE_ROLLBACK_IN_PROGRESS", reason);
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (it->kind == Done::Modified) {
      // Put the old properties back on the same physical resource.
      update_resource(env, stack, rt, rt.resources[it->id], it->before.properties,
                      it->before.metadata);
      env.store.put_resource(it->before);
      rt.resources[it->id] = it->before;
    } else if (it->kind == Done::Replaced) {
      Resource now = rt.resources[it->id];
      env.store.put_resource(it->before);
      resource_event(env, stack, it->id, it->before.physical_id, it->before.type,
                     "UPDATE_COMPLETE");
      rt.resources[it->id] = it->before;
      rt.resources[it->id + "\x1f" "new"] = now;  // remembered for cleanup
    }
  }
  set_stack_status(env, stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS");
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    if (it->kind == Done::Added) {
      auto r = rt.resources[it->id];
      if (!r.physical_id.empty()) delete_physical(env, stack, r, false);
      env.store.delete_resource(stack.id, it->id);
    } else if (it->kind == Done::Replaced) {
      delete_physical(env, stack, rt.resources[it->id + "\x1f" "new"], false);
    }
  }
  set_stack_status(env, stack, "UPDATE_ROLLBACK_COMPLETE");
}

}  // namespace

void run_update(Env& env, Stack& stack, const Prepared& p, bool disable_rollback) {
  set_stack_status(env, stack, "UPDATE_IN_PROGRESS", "User Initiated");
  auto old_tpl = stored_template(stack);
  Runtime rt;
  std::vector<std::string> old_order;
  for (auto& r : env.store.resources(stack.id)) {
    old_order.push_back(r.logical_id);
    rt.resources[r.logical_id] = std::move(r);
  }
  const auto before = rt.resources;

  Evaluator ev(*p.tpl, p.params, rt.context(env, stack));
  std::vector<Done> done;
  std::string failure;
  std::set<std::string> kept;
  auto order = creation_order(ev, *p.tpl);
  if (!order) failure = order.error().message;
  for (size_t i = 0; failure.empty() && i < order->size(); ++i) {
    const auto& id = (*order)[i];
    kept.insert(id);
    const auto& decl = *p.tpl->resource(id);
    auto evaluated = ev.resource_properties(id);
    if (!evaluated) {
      failure = evaluated.error().message;
      break;
    }
    Json props = to_properties(*evaluated);
    auto old = before.find(id);
    if (old == before.end() || old->second.physical_id.empty()) {
      if (!create_resource(env, stack, rt, decl, props, false).empty())
        failure = "The following resource(s) failed to create: [" + id + "]. ";
      done.push_back({Done::Added, id, {}});
      continue;
    }
    if (old->second.type != decl.type) {
      failure = "Update of resource type is not permitted. The new template modifies resource "
                "type of the following resources: [" + id + "]";
      break;
    }
    if (props == old->second.properties && metadata_text(decl) == old->second.metadata) continue;
    if (requires_replacement(decl.type, old->second.properties, props)) {
      if (!create_resource(env, stack, rt, decl, props, true).empty()) {
        failure = "The following resource(s) failed to update: [" + id + "]. ";
        break;
      }
      done.push_back({Done::Replaced, id, old->second});
    } else {
      if (!update_resource(env, stack, rt, old->second, props, metadata_text(decl)).empty()) {
        failure = "The following resource(s) failed to update: [" + id + "]. ";
        break;
      }
      done.push_back({Done::Modified, id, old->second});
    }
  }
  std::vector<EvaluatedOutput> outputs;
  if (failure.empty()) {
    auto outs = ev.outputs();
    if (!outs) failure = outs.error().message;
    else if (auto conflict = export_conflict(env, stack, *outs); !conflict.empty())
      failure = conflict;
    else outputs = std::move(*outs);
  }

  if (!failure.empty()) {
    if (disable_rollback) {
      set_stack_status(env, stack, "UPDATE_FAILED", failure);
      return;
    }
    roll_back(env, stack, rt, done, failure);
    return;
  }

  set_stack_status(env, stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
  for (auto it = done.rbegin(); it != done.rend(); ++it)
    if (it->kind == Done::Replaced) delete_physical(env, stack, it->before, false);
  for (auto it = old_order.rbegin(); it != old_order.rend(); ++it) {
    if (kept.count(*it)) continue;
    const auto& r = before.at(*it);
    bool retain = false;
    if (old_tpl)
      if (const auto* d = old_tpl->resource(*it); d && d->deletion_policy == "Retain") retain = true;
    delete_physical(env, stack, r, retain);
    env.store.delete_resource(stack.id, *it);
  }
  stack.template_body = p.body;
  stack.processed_template = p.processed_json;
  stack.parameters = p.parameter_values();
  stack.description = p.tpl->description;
  publish_outputs(env, stack, outputs, rt.imports);
  stack.updated = env.clock.now();
  set_stack_status(env, stack, "UPDATE_COMPLETE");
}

}  // namespace pipemu::cfn
