// CreateStack, UpdateStack, DeleteStack.
#include "fakes/cloudformation/engine/operations.hpp"
#include "fakes/cloudformation/service_impl.hpp"
#include "fakes/cloudformation/store/schema.hpp"

namespace pipemu::cfn {

Service::Service(DatabaseFor databases, AwsPorts& aws, std::shared_ptr<ProviderRegistry> providers,
                 Clock clock, std::uint64_t id_seed)
    : impl_(std::make_shared<Impl>(std::move(databases), aws, providers, std::move(clock),
                                   id_seed)),
      providers_(providers) {
  fakes::register_schema(store::kComponent, fakes::SchemaScope::Region, store::migrations());
}

void Service::use_faults(fakes::Faults* faults) { impl_->faults = faults; }

ApiResult<std::string> Service::create_stack(const Caller& c, const CreateStackInput& in) {
  if (auto bad = check_name(in.stack_name, "stackName")) return unexpected(*bad);
  return impl_->in_region(c, "CreateStack", [&](Env& env) -> ApiResult<std::string> {
    if (env.store.find_live_stack(in.stack_name))
      return unexpected(stack_already_exists(in.stack_name));
    auto body = template_source(env, in, nullptr);
    if (!body) return unexpected(body.error());

    Stack stack;
    stack.name = in.stack_name;
    stack.region = c.region;
    stack.id = "arn:aws:cloudformation:" + c.region + ":" + c.account + ":stack/" + in.stack_name +
               "/" + env.ids.uuid();
    auto prepared = prepare(prepare_input(env, in, stack, *body));
    if (!prepared) return unexpected(prepared.error());

    stack.capabilities = in.capabilities;
    stack.tags = in.tags;
    stack.notification_arns = in.notification_arns;
    stack.role_arn = in.role_arn;
    stack.disable_rollback = in.disable_rollback.value_or(false);
    stack.termination_protection = in.enable_termination_protection;
    stack.created = env.clock.now();
    std::string on_failure = in.on_failure.empty() ? "ROLLBACK" : in.on_failure;
    if (stack.disable_rollback) on_failure = "DO_NOTHING";
    run_create(env, stack, *prepared, on_failure);
    return stack.id;
  });
}

ApiResult<std::string> Service::update_stack(const Caller& c, const UpdateStackInput& in) {
  return impl_->in_region(c, "UpdateStack", [&](Env& env) -> ApiResult<std::string> {
    auto stack = require_stack(env, in.stack_name);
    if (!stack) return unexpected(stack.error());
    if (stack->deleted) return unexpected(stack_not_found(in.stack_name));
    if (!updatable(stack->status)) return unexpected(stack_not_updatable(stack->id, stack->status));
    auto body = template_source(env, in, &*stack);
    if (!body) return unexpected(body.error());
    auto prepared = prepare(prepare_input(env, in, *stack, *body));
    if (!prepared) return unexpected(prepared.error());

    // Same processed template and parameter values (SSM ones re-read): nothing to do.
    auto now = prepared->parameter_values();
    bool same_params = now.size() == stack->parameters.size();
    for (size_t i = 0; same_params && i < now.size(); ++i)
      same_params = now[i].key == stack->parameters[i].key &&
                    now[i].value == stack->parameters[i].value &&
                    now[i].resolved == stack->parameters[i].resolved;
    if (same_params && prepared->processed_json == stack->processed_template)
      return unexpected(no_updates());

    stack->capabilities = in.capabilities;
    if (!in.tags.empty()) stack->tags = in.tags;
    if (!in.notification_arns.empty()) stack->notification_arns = in.notification_arns;
    if (!in.role_arn.empty()) stack->role_arn = in.role_arn;
    run_update(env, *stack, *prepared, in.disable_rollback.value_or(false));
    return stack->id;
  });
}

ApiResult<Ok> Service::delete_stack(const Caller& c, const std::string& name,
                                    const std::vector<std::string>& retain_resources) {
  if (name.empty()) return unexpected(missing_parameter("stackName"));
  return impl_->in_region(c, "DeleteStack", [&](Env& env) -> ApiResult<Ok> {
    auto stack = find_stack(env, name);
    if (!stack || stack->deleted) return Ok{};  // AWS: deleting an unknown stack succeeds
    if (stack->termination_protection)
      return unexpected(validation_error("Stack [" + stack->name +
                                         "] cannot be deleted while TerminationProtection is "
                                         "enabled"));
    if (!retain_resources.empty() && stack->status != "DELETE_FAILED")
      return unexpected(validation_error(
          "Invalid operation on stack [" + stack->id +
          "]. RetainResources can only be specified when the stack is in the DELETE_FAILED "
          "state."));
    if (stack->status.find("_IN_PROGRESS") != std::string::npos &&
        stack->status != "REVIEW_IN_PROGRESS")
      return unexpected(validation_error("Stack [" + stack->name + "] is in " + stack->status +
                                         " state and can not be deleted."));
    run_delete(env, *stack, {retain_resources.begin(), retain_resources.end()});
    return Ok{};
  });
}

}  // namespace pipemu::cfn
