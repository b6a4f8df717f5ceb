#include "fakes/cloudformation/engine/env.hpp"

namespace pipemu::cfn {

void resource_event(Env& env, const Stack& stack, const std::string& logical_id,
                    const std::string& physical_id, const std::string& type,
                    const std::string& status, const std::string& reason,
                    const std::string& properties) {
  Event e;
  // AWS: "<LogicalId>-<STATUS>-<timestamp>" for resources, a UUID for the stack's own events.
  e.event_id = type == kStackType ? env.ids.uuid()
                                  : logical_id + "-" + status + "-" + env.ids.hex(8);
  e.stack_id = stack.id;
  e.stack_name = stack.name;
  e.logical_id = logical_id;
  e.physical_id = physical_id;
  e.resource_type = type;
  e.status = status;
  e.status_reason = reason;
  e.properties = properties;
  e.timestamp = env.clock.now();
  env.store.add_event(e);
}

void stack_event(Env& env, const Stack& stack, const std::string& status,
                 const std::string& reason) {
  resource_event(env, stack, stack.name, stack.id, kStackType, status, reason);
}

void set_stack_status(Env& env, Stack& stack, const std::string& status,
                      const std::string& reason) {
  stack.status = status;
  stack.status_reason = reason;
  env.store.put_stack(stack);
  stack_event(env, stack, status, reason);
}

}  // namespace pipemu::cfn
