#include "fakes/cloudformation/engine/changes.hpp"

#include <set>

#include "fakes/cloudformation/engine/runtime.hpp"
#include "fakes/cloudformation/engine/steps.hpp"
#include "fakes/cloudformation/template/catalog.hpp"

namespace pipemu::cfn {

namespace {

int rank(const std::string& replacement) {
  return replacement == "True" ? 2 : replacement == "Conditional" ? 1 : 0;
}

// Replacement for one detail (aws-semantics §4.2): Always+Static -> True, Always+Dynamic and
// Conditionally -> Conditional, Never -> False.
std::string replacement_of(UpdateBehavior b, bool dynamic) {
  if (b == UpdateBehavior::Always) return dynamic ? "Conditional" : "True";
  if (b == UpdateBehavior::Conditionally) return "Conditional";
  return "False";
}

// ChangeSource of a dynamic property value: a GetAtt placeholder carries "Id.Attr".
std::string dynamic_source(const Json& v) {
  auto text = v.dump();
  auto at = text.find("{{pipemu:unresolved:");
  auto end = text.find("}}", at);
  auto inner = text.substr(at + 20, end - at - 20);
  return inner.find('.') != std::string::npos ? "ResourceAttribute" : "ResourceReference";
}

Json modify_change(const Resource& old, const Json& props, const std::string& new_metadata) {
  std::set<std::string> keys;
  for (auto& [k, v] : old.properties.items()) keys.insert(k);
  for (auto& [k, v] : props.items()) keys.insert(k);
  Json details = Json::array();
  std::set<std::string> scope;
  std::string replacement = "False";
  for (const auto& k : keys) {
    auto b = old.properties.contains(k) ? old.properties[k] : Json();
    auto a = props.contains(k) ? props[k] : Json();
    if (a == b) continue;
    bool dynamic = has_placeholder(a);
    auto behavior = update_behavior(old.type, k);
    auto r = replacement_of(behavior, dynamic);
    if (rank(r) > rank(replacement)) replacement = r;
    scope.insert("Properties");
    if (k == "Tags") scope.insert("Tags");
    Json d = {{"Target",
               {{"Attribute", "Properties"},
                {"Name", k},
                {"RequiresRecreation", to_string(behavior)}}},
              {"Evaluation", dynamic ? "Dynamic" : "Static"},
              {"ChangeSource", dynamic ? dynamic_source(a) : "DirectModification"}};
    details.push_back(std::move(d));
  }
  if (new_metadata != old.metadata) {
    scope.insert("Metadata");
    details.push_back({{"Target", {{"Attribute", "Metadata"}, {"RequiresRecreation", "Never"}}},
                       {"Evaluation", "Static"},
                       {"ChangeSource", "DirectModification"}});
  }
  return {{"Action", "Modify"},
          {"LogicalResourceId", old.logical_id},
          {"PhysicalResourceId", old.physical_id},
          {"ResourceType", old.type},
          {"Replacement", replacement},
          {"Scope", Json(std::vector<std::string>(scope.begin(), scope.end()))},
          {"Details", details}};
}

Json wrap(Json change) { return {{"Type", "Resource"}, {"ResourceChange", std::move(change)}}; }

}  // namespace

ChangePreview preview_changes(Env& env, const Stack& stack, const Prepared& p) {
  ChangePreview out;
  Runtime rt;
  std::vector<std::string> old_order;
  for (auto& r : env.store.resources(stack.id)) {
    if (r.physical_id.empty()) continue;
    old_order.push_back(r.logical_id);
    rt.resources[r.logical_id] = std::move(r);
  }
  const auto before = rt.resources;
  auto old_tpl = stored_template(stack);

  Evaluator ev(*p.tpl, p.params, rt.context(env, stack));
  auto order = creation_order(ev, *p.tpl);
  if (!order) {
    out.failure = order.error().message;
    return out;
  }
  std::set<std::string> kept(order->begin(), order->end());
  for (const auto& id : *order) {
    const auto& decl = *p.tpl->resource(id);
    auto old = before.find(id);
    if (old == before.end()) rt.unknown_refs.insert(id);  // before evaluating dependents
    auto evaluated = ev.resource_properties(id);
    if (!evaluated) {
      out.failure = evaluated.error().message;
      return out;
    }
    Json props = to_properties(*evaluated);
    if (old == before.end()) {
      out.changes.push_back(wrap({{"Action", "Add"},
                                  {"LogicalResourceId", id},
                                  {"ResourceType", decl.type},
                                  {"Scope", Json::array()},
                                  {"Details", Json::array()}}));
      continue;
    }
    if (old->second.type != decl.type) {
      out.failure = "Update of resource type is not permitted. The new template modifies "
                    "resource type of the following resources: [" + id + "]";
      return out;
    }
    if (props == old->second.properties && metadata_text(decl) == old->second.metadata) continue;
    auto change = modify_change(old->second, props, metadata_text(decl));
    // Whatever depends on a changed resource sees its attributes as unknown; on a replaced
    // (or possibly replaced) one its Ref too.
    rt.unknown_attributes.insert(id);
    if (change["Replacement"] != "False") rt.unknown_refs.insert(id);
    out.changes.push_back(wrap(std::move(change)));
  }
  for (const auto& id : old_order) {
    if (kept.count(id)) continue;
    const auto& r = before.at(id);
    std::string policy = "Delete";
    if (old_tpl)
      if (const auto* d = old_tpl->resource(id); d && d->deletion_policy == "Retain") policy = "Retain";
    out.changes.push_back(wrap({{"Action", "Remove"},
                                {"LogicalResourceId", id},
                                {"PhysicalResourceId", r.physical_id},
                                {"ResourceType", r.type},
                                {"PolicyAction", policy},
                                {"Scope", Json::array()},
                                {"Details", Json::array()}}));
  }
  // Outputs are evaluated too, so a missing import fails the change set as AWS does.
  if (auto outs = ev.outputs(); !outs) out.failure = outs.error().message;
  return out;
}

}  // namespace pipemu::cfn
