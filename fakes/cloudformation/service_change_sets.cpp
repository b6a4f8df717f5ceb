// CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet, ListChangeSets.
#include "fakes/cloudformation/engine/changes.hpp"
#include "fakes/cloudformation/engine/operations.hpp"
#include "fakes/cloudformation/service_impl.hpp"

namespace pipemu::cfn {

namespace {

// A change set by ARN, or by name within `stack`.
ApiResult<ChangeSet> find_change_set(Env& env, const std::string& change_set,
                                     const std::string& stack,
                                     store::Store::Changes changes = store::Store::Changes::Read) {
  if (change_set.empty()) return unexpected(missing_parameter("changeSetName"));
  if (change_set.rfind("arn:", 0) == 0) {
    auto cs = env.store.find_change_set_by_id(change_set, changes);
    if (!cs) return unexpected(change_set_not_found(change_set));
    return *cs;
  }
  if (stack.empty())
    return unexpected(validation_error(
        "StackName must be specified if ChangeSetName is not specified as an ARN."));
  // By ARN or by the live stack's name; only its id is needed.
  auto id = stack.rfind("arn:", 0) == 0 ? std::optional<std::string>(stack)
                                         : env.store.live_stack_id(stack);
  if (!id) return unexpected(change_set_not_found(change_set));
  auto cs = env.store.find_change_set(*id, change_set, changes);
  if (!cs) return unexpected(change_set_not_found(change_set));
  return *cs;
}

bool same_parameters(const std::vector<ParameterValue>& a, const std::vector<ParameterValue>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || a[i].value != b[i].value || a[i].resolved != b[i].resolved)
      return false;
  return true;
}

}  // namespace

ApiResult<ChangeSetRef> Service::create_change_set(const Caller& c, const ChangeSetInput& in) {
  if (auto bad = check_name(in.stack_name, "stackName")) return unexpected(*bad);
  if (auto bad = check_name(in.change_set_name, "changeSetName")) return unexpected(*bad);
  if (in.change_set_type != "CREATE" && in.change_set_type != "UPDATE")
    return unexpected(validation_error(
        "1 validation error detected: Value '" + in.change_set_type +
        "' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: "
        "[IMPORT, UPDATE, CREATE]"));
  return impl_->in_region(c, "CreateChangeSet", [&](Env& env) -> ApiResult<ChangeSetRef> {
    auto existing = env.store.find_live_stack(in.stack_name);
    Stack stack;
    if (in.change_set_type == "CREATE") {
      if (existing && existing->status != "REVIEW_IN_PROGRESS")
        return unexpected(stack_already_exists(in.stack_name));
      if (existing) stack = *existing;
    } else {
      if (!existing)
        return unexpected(validation_error("Stack [" + in.stack_name + "] does not exist"));
      if (!updatable(existing->status))
        return unexpected(stack_not_updatable(existing->id, existing->status));
      stack = *existing;
    }
    if (stack.id.empty()) {
      stack.name = in.stack_name;
      stack.id = "arn:aws:cloudformation:" + c.region + ":" + c.account + ":stack/" +
                 in.stack_name + "/" + env.ids.uuid();
    }
    stack.region = c.region;
    if (env.store.find_change_set(stack.id, in.change_set_name))
      return unexpected(change_set_already_exists(in.change_set_name));

    auto body = template_source(env, in, existing ? &*existing : nullptr);
    if (!body) return unexpected(body.error());
    auto input = prepare_input(env, in, stack, *body);
    input.for_change_set = true;
    auto prepared = prepare(input);
    if (!prepared) return unexpected(prepared.error());

    if (!existing) {  // the CREATE change set's stack shell
      stack.created = env.clock.now();
      stack.capabilities = in.capabilities;
      stack.tags = in.tags;
      stack.notification_arns = in.notification_arns;
      stack.role_arn = in.role_arn;
      set_stack_status(env, stack, "REVIEW_IN_PROGRESS", "User Initiated");
    }

    ChangeSet cs;
    cs.name = in.change_set_name;
    cs.id = "arn:aws:cloudformation:" + c.region + ":" + c.account + ":changeSet/" + cs.name +
            "/" + env.ids.uuid();
    cs.stack_id = stack.id;
    cs.stack_name = stack.name;
    cs.type = in.change_set_type;
    cs.description = in.description;
    cs.template_body = prepared->body;
    cs.parameters = prepared->parameter_values();
    cs.capabilities = in.capabilities;
    cs.tags = in.tags.empty() ? stack.tags : in.tags;
    cs.notification_arns = in.notification_arns;
    cs.role_arn = in.role_arn;
    cs.created = env.clock.now();

    auto preview = preview_changes(env, stack, *prepared);
    cs.changes = preview.changes;
    if (!preview.failure.empty()) {
      cs.status = "FAILED";
      cs.execution_status = "UNAVAILABLE";
      cs.status_reason = preview.failure;
    } else if (cs.type == "UPDATE" && cs.changes.empty() &&
               prepared->processed_json == stack.processed_template &&
               same_parameters(cs.parameters, stack.parameters)) {
      cs.status = "FAILED";
      cs.execution_status = "UNAVAILABLE";
      cs.status_reason = kEmptyChangeSetReason;
    } else {
      cs.status = "CREATE_COMPLETE";
      cs.execution_status = "AVAILABLE";
    }
    env.store.put_change_set(cs);
    return ChangeSetRef{cs.id, stack.id};
  });
}

ApiResult<ChangeSet> Service::describe_change_set(const Caller& c, const std::string& change_set,
                                                  const std::string& stack) {
  return impl_->in_region_read(c, "DescribeChangeSet", [&](Env& env) { return find_change_set(env, change_set, stack); });
}

ApiResult<Ok> Service::execute_change_set(const Caller& c, const std::string& change_set,
                                          const std::string& stack_name,
                                          std::optional<bool> disable_rollback) {
  return impl_->in_region(c, "ExecuteChangeSet", [&](Env& env) -> ApiResult<Ok> {
    auto cs = find_change_set(env, change_set, stack_name, store::Store::Changes::Skip);
    if (!cs) return unexpected(cs.error());
    if (cs->execution_status != "AVAILABLE")
      return unexpected(invalid_change_set_status(
          cs->id, cs->status == "FAILED" ? cs->status : cs->execution_status));
    auto stack = env.store.find_stack_by_id(cs->stack_id);
    if (!stack || stack->deleted) return unexpected(stack_not_found(cs->stack_name));
    stack->region = c.region;
    if (cs->type == "UPDATE" && !updatable(stack->status))
      return unexpected(stack_not_updatable(stack->id, stack->status));

    // Re-bind the captured values: SSM parameters keep the value read at creation.
    StackInput in;
    in.template_body = cs->template_body;
    in.capabilities = cs->capabilities;
    in.notification_arns = cs->notification_arns;
    std::map<std::string, std::string> captured;
    for (const auto& p : cs->parameters) {
      in.parameters.push_back({p.key, p.value, false});
      if (p.resolved) captured[p.value] = *p.resolved;
    }
    auto input = prepare_input(env, in, *stack, cs->template_body);
    input.ssm = [captured](const std::string& name) -> std::optional<std::string> {
      auto it = captured.find(name);
      if (it == captured.end()) return std::nullopt;
      return it->second;
    };
    input.for_change_set = true;
    auto prepared = prepare(input);
    if (!prepared) return unexpected(prepared.error());

    // Executing one change set deletes the stack's others. (EXECUTE_IN_PROGRESS is never
    // stored: the whole execution is one transaction, so no reader could see it.)
    env.store.delete_change_sets_of(stack->id, cs->id);

    stack->change_set_id = cs->id;
    if (!cs->tags.empty()) stack->tags = cs->tags;
    stack->capabilities = cs->capabilities;
    bool ok;
    if (cs->type == "CREATE") {
      stack->disable_rollback = disable_rollback.value_or(false);
      run_create(env, *stack, *prepared, stack->disable_rollback ? "DO_NOTHING" : "ROLLBACK");
      ok = stack->status == "CREATE_COMPLETE";
    } else {
      run_update(env, *stack, *prepared, disable_rollback.value_or(false));
      ok = stack->status == "UPDATE_COMPLETE";
    }
    env.store.set_execution_status(cs->id, ok ? "EXECUTE_COMPLETE" : "EXECUTE_FAILED");
    return Ok{};
  });
}

ApiResult<Ok> Service::delete_change_set(const Caller& c, const std::string& change_set,
                                         const std::string& stack) {
  return impl_->in_region(c, "DeleteChangeSet", [&](Env& env) -> ApiResult<Ok> {
    auto cs = find_change_set(env, change_set, stack);
    if (!cs) return unexpected(cs.error());
    if (cs->execution_status == "EXECUTE_IN_PROGRESS")
      return unexpected(fakes::aws_error(
          "InvalidChangeSetStatus", "Cannot delete ChangeSet in status EXECUTE_IN_PROGRESS"));
    env.store.delete_change_set(cs->id);
    return Ok{};
  });
}

ApiResult<std::vector<ChangeSet>> Service::list_change_sets(const Caller& c,
                                                            const std::string& stack) {
  return impl_->in_region_read(c, "ListChangeSets", [&](Env& env) -> ApiResult<std::vector<ChangeSet>> {
    auto s = require_stack(env, stack, store::Store::Templates::Skip);
    if (!s) return unexpected(s.error());
    return env.store.change_sets(s->id);
  });
}

}  // namespace pipemu::cfn
