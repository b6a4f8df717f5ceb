#include "fakes/cloudformation/engine/steps.hpp"

#include <set>

#include "fakes/cloudformation/template/catalog.hpp"
#include "fakes/cloudformation/template/graph.hpp"

namespace pipemu::cfn {

ProviderContext provider_context(Env& env, const Stack& stack, const std::string& logical_id,
                                 const std::string& type) {
  return ProviderContext{env.region, env.account, stack.name, stack.id, logical_id, type,
                         env.aws,    env.ids,     find_resource_type(type)};
}

std::string metadata_text(const ResourceDecl& decl) {
  return decl.metadata.is_null() ? std::string() : decl.metadata.to_json().dump();
}

std::string create_resource(Env& env, const Stack& stack, Runtime& rt, const ResourceDecl& decl,
                            const Json& props, bool replacing) {
  const std::string phase = replacing ? "UPDATE" : "CREATE";
  const auto& id = decl.logical_id;
  auto ctx = provider_context(env, stack, id, decl.type);
  std::string old_physical = replacing ? rt.resources[id].physical_id : std::string();
  resource_event(env, stack, id, old_physical, decl.type, phase + "_IN_PROGRESS",
                 replacing ? "Requested update requires the creation of a new physical resource; "
                             "hence creating one."
                           : "",
                 props.dump());

  ProviderResult<Provisioned> made = unexpected(std::string());
  if (auto fault = env.providers.fault(decl.type, env.region, Operation::Create))
    made = unexpected(*fault);
  else
    made = env.providers.for_type(decl.type).create(ctx, props);

  if (!made) {
    resource_event(env, stack, id, old_physical, decl.type, phase + "_FAILED", made.error(),
                   props.dump());
    if (!replacing) {
      Resource failed{stack.id, id, "", decl.type, "CREATE_FAILED", made.error(), props,
                      Json::object(), metadata_text(decl), env.clock.now()};
      env.store.put_resource(failed);
      rt.resources[id] = failed;
    }
    return made.error();
  }

  Resource r{stack.id, id, made->physical_id, decl.type, phase + "_COMPLETE", "", props,
             made->attributes, metadata_text(decl), env.clock.now()};
  env.store.put_resource(r);
  rt.resources[id] = r;
  resource_event(env, stack, id, r.physical_id, decl.type, phase + "_IN_PROGRESS",
                 "Resource creation Initiated", props.dump());
  std::string note;
  if (!ctx.info && !env.providers.has_handler(decl.type))
    note = "pipemu: resource type " + decl.type +
           " is not in the catalogue; recorded without side effects";
  resource_event(env, stack, id, r.physical_id, decl.type, phase + "_COMPLETE", note,
                 props.dump());
  return {};
}

std::string update_resource(Env& env, const Stack& stack, Runtime& rt, const Resource& current,
                            const Json& props, const std::string& metadata) {
  const auto& id = current.logical_id;
  auto ctx = provider_context(env, stack, id, current.type);
  resource_event(env, stack, id, current.physical_id, current.type, "UPDATE_IN_PROGRESS", "",
                 props.dump());
  ProviderResult<Provisioned> done = unexpected(std::string());
  if (auto fault = env.providers.fault(current.type, env.region, Operation::Update))
    done = unexpected(*fault);
  else
    done = env.providers.for_type(current.type).update(ctx, current, props);
  if (!done) {
    resource_event(env, stack, id, current.physical_id, current.type, "UPDATE_FAILED",
                   done.error(), props.dump());
    return done.error();
  }
  Resource r = current;
  r.physical_id = done->physical_id;
  r.attributes = done->attributes;
  r.properties = props;
  r.metadata = metadata;
  r.status = "UPDATE_COMPLETE";
  r.status_reason.clear();
  r.updated = env.clock.now();
  env.store.put_resource(r);
  rt.resources[id] = r;
  resource_event(env, stack, id, r.physical_id, r.type, "UPDATE_COMPLETE", "", props.dump());
  return {};
}

std::string delete_physical(Env& env, const Stack& stack, const Resource& r, bool retain) {
  if (retain) {
    resource_event(env, stack, r.logical_id, r.physical_id, r.type, "DELETE_SKIPPED");
    return {};
  }
  resource_event(env, stack, r.logical_id, r.physical_id, r.type, "DELETE_IN_PROGRESS");
  if (!r.physical_id.empty()) {
    auto ctx = provider_context(env, stack, r.logical_id, r.type);
    ProviderResult<Ok> gone = Ok{};
    if (auto fault = env.providers.fault(r.type, env.region, Operation::Delete))
      gone = unexpected(*fault);
    else
      gone = env.providers.for_type(r.type).remove(ctx, r);
    if (!gone) {
      resource_event(env, stack, r.logical_id, r.physical_id, r.type, "DELETE_FAILED",
                     gone.error());
      return gone.error();
    }
  }
  resource_event(env, stack, r.logical_id, r.physical_id, r.type, "DELETE_COMPLETE");
  return {};
}

bool requires_replacement(const std::string& type, const Json& before, const Json& after) {
  std::set<std::string> keys;
  for (auto& [k, v] : before.items()) keys.insert(k);
  for (auto& [k, v] : after.items()) keys.insert(k);
  for (const auto& k : keys) {
    auto b = before.contains(k) ? before[k] : Json();
    auto a = after.contains(k) ? after[k] : Json();
    if (a != b && update_behavior(type, k) == UpdateBehavior::Always) return true;
  }
  return false;
}

Result<std::vector<std::string>> creation_order(Evaluator& ev, const Template& tpl) {
  std::set<std::string> included;
  for (const auto& r : tpl.resources) {
    auto in = ev.resource_included(r);
    if (!in) return unexpected(in.error());
    if (*in) included.insert(r.logical_id);
  }
  auto graph = build_graph(tpl, included);
  if (!graph) return unexpected(graph.error());
  return graph->create_order;
}

}  // namespace pipemu::cfn
