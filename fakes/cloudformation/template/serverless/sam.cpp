// Orchestrates the SAM expansion: Globals, then explicit APIs, functions (whose Api events add
// routes), tables, and finally the API resources whose deployment hash needs every route.
#include "fakes/cloudformation/template/serverless/sam.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "fakes/cloudformation/template/serverless/expansion.hpp"
#include "model/text.hpp"

namespace pipemu::cfn::sam {
namespace {

// SAM's Globals merge: maps merge (resource wins), lists concatenate (global first),
// scalars from the resource win.
Node merge_globals(const Node& global, const Node& local) {
  if (global.is_map() && local.is_map()) {
    Node out = global;
    for (const auto& e : local.entries()) {
      const Node* g = global.find(e.key);
      out.set(e.key, g ? merge_globals(*g, e.value) : e.value, e.key_mark);
    }
    return out;
  }
  if (global.is_sequence() && local.is_sequence()) {
    Node out = global;
    for (const auto& i : local.items()) out.push(i);
    return out;
  }
  return local.is_null() ? global : local;
}

Node with_globals(const Node& root, const char* section, const Node& props) {
  const Node* globals = root.find("Globals");
  const Node* g = globals && globals->is_map() ? globals->find(section) : nullptr;
  if (!g || !g->is_map()) return props.is_map() ? props : Node::map();
  return merge_globals(*g, props.is_map() ? props : Node::map());
}

Node attributes_of(const Node& res) {
  Node a = Node::map();
  for (const char* k : {"Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata"})
    if (const Node* v = res.find(k)) a.set(k, *v);
  return a;
}

}  // namespace

Result<Node> expand(const Node& root, const StackInfo& stack) {
  const char* prefix = "Transform AWS::Serverless-2016-10-31 failed with: ";
  if (!root.is_map() || !root.find("Resources") || !root.find("Resources")->is_map())
    return fail(std::string(prefix) +
                "Invalid Serverless Application Specification document. Number of errors found: 1. Structure "
                "of the SAM template is invalid. 'Resources' section is required");
  Expansion x(stack);
  if (const Node* p = root.find("Parameters")) x.parameters = *p;
  const Node& resources = *root.find("Resources");

  for (const auto& e : resources.entries()) {
    const Node* type = e.value.is_map() ? e.value.find("Type") : nullptr;
    if (type && type->as_string() == "AWS::Serverless::Api") {
      const Node* p = e.value.find("Properties");
      register_api(x, e.key, with_globals(root, "Api", p ? *p : Node()), attributes_of(e.value));
    }
  }
  // Functions in logical-id order, as SAM walks them: the order of routes in a shared API's
  // swagger (and so its deployment hash) depends on it. Output order does not matter.
  std::vector<const model::Entry*> sorted;
  for (const auto& e : resources.entries()) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->key < b->key; });
  for (const model::Entry* ep : sorted) {
    const model::Entry& e = *ep;
    const Node* type = e.value.is_map() ? e.value.find("Type") : nullptr;
    std::string t = type ? type->as_string() : "";
    const Node* p = e.value.is_map() ? e.value.find("Properties") : nullptr;
    Node props = p ? *p : Node();
    if (t == "AWS::Serverless::Function") {
      expand_function(x, e.key, with_globals(root, "Function", props), attributes_of(e.value));
    } else if (t == "AWS::Serverless::SimpleTable") {
      expand_simple_table(x, e.key, with_globals(root, "SimpleTable", props), attributes_of(e.value));
    } else if (t == "AWS::Serverless::Api") {
      continue;  // finished below, once every function has added its routes
    } else if (text::starts_with(t, "AWS::Serverless::")) {
      x.error(e.key, fmt::format("Resource type {} is not supported by pipemu's SAM expansion (supported: "
                                 "Function, Api, SimpleTable).", t));
    } else {
      x.add(e.key, e.value);
    }
  }
  finish_apis(x);
  if (!x.errors.empty())
    return fail(fmt::format("{}Invalid Serverless Application Specification document. Number of errors found: "
                            "{}. {}", prefix, x.errors.size(), text::join(x.errors, " ")),
                root.mark());

  Node out = Node::map(root.mark());
  for (const auto& e : root.entries()) {
    if (e.key == "Globals" || e.key == "Transform") continue;
    if (e.key == "Resources") {
      out.set("Resources", x.resources, e.key_mark);
    } else {
      out.set(e.key, e.value, e.key_mark);
    }
  }
  return out;
}

// ---- helpers shared by the expansion steps ----

Node Expansion::resolve_parameter_refs(const Node& value) const {
  if (value.is_sequence()) {
    Node out = Node::sequence(value.mark());
    for (const auto& i : value.items()) out.push(resolve_parameter_refs(i));
    return out;
  }
  if (!value.is_map()) return value;
  if (value.is_intrinsic() && value.intrinsic_name() == "Ref" && value.intrinsic_arg().is_scalar() &&
      parameters.is_map()) {
    const Node* p = parameters.find(value.intrinsic_arg().str());
    if (p && p->is_map() && p->find("Default")) return *p->find("Default");
  }
  Node out = Node::map(value.mark());
  for (const auto& e : value.entries()) out.set(e.key, resolve_parameter_refs(e.value), e.key_mark);
  return out;
}

ApiState& Expansion::api(const std::string& id) {
  auto it = apis.find(id);
  if (it != apis.end()) return it->second;
  ApiState s;
  s.logical_id = id;
  api_order.push_back(id);
  return apis[id] = s;
}

Node resource(const std::string& type, Node properties, const Node& attributes) {
  Node r = Node::map();
  r.set("Type", str(type));
  if (!properties.is_null()) r.set("Properties", std::move(properties));
  if (attributes.is_map())
    for (const auto& e : attributes.entries()) r.set(e.key, e.value);
  return r;
}

Node ref_node(const std::string& id) {
  Node n = Node::map();
  n.set("Ref", str(id));
  return n;
}

Node get_att(const std::string& id, const std::string& attr) {
  Node args = Node::sequence();
  args.push(str(id));
  args.push(str(attr));
  Node n = Node::map();
  n.set("Fn::GetAtt", std::move(args));
  return n;
}

Node str(const std::string& s) { return Node::scalar(s, {}, true); }

Node tags_list(const Node& tag_map, bool sam_tag) {
  Node list = Node::sequence();
  auto tag = [&](const std::string& k, const Node& v) {
    Node t = Node::map();
    t.set("Key", str(k));
    t.set("Value", v);
    list.push(std::move(t));
  };
  if (sam_tag) tag("lambda:createdBy", str("SAM"));
  if (tag_map.is_map())
    for (const auto& e : tag_map.entries()) tag(e.key, e.value);
  return list;
}

}  // namespace pipemu::cfn::sam
