#pragma once
// State shared by the SAM expansion steps (sam.cpp orchestrates; function.cpp, events.cpp,
// api.cpp, policies.cpp and simple_table.cpp each add resources). Internal.
#include <map>
#include <string>
#include <vector>

#include "fakes/cloudformation/template/context.hpp"
#include "model/node.hpp"

namespace pipemu::cfn::sam {

using model::Node;

struct ApiRoute {
  std::string path, method;  // method lower-case, or "any"
  std::string uri;           // the integration Fn::Sub string
  bool unicode_uri = false;  // SAM marks the uri u'' when it has no alias (see hashing.hpp)
  std::string condition;     // the function's Condition: the route is wrapped in Fn::If
};

struct ApiState {
  std::string logical_id;
  std::string stage_name = "Prod";
  bool is_implicit = true;
  Node properties;  // explicit AWS::Serverless::Api properties (after Globals)
  Node attributes;  // Condition/DependsOn/... passed through
  std::vector<ApiRoute> routes;
};

struct Expansion {
  explicit Expansion(const StackInfo& s) : stack(s) {}
  const StackInfo& stack;
  Node parameters;             // the template's Parameters section, for default values
  Node resources = Node::map();  // output Resources, in creation order of this expansion
  std::vector<std::string> errors;
  std::map<std::string, ApiState> apis;
  std::vector<std::string> api_order;

  void add(const std::string& id, Node resource) { resources.set(id, std::move(resource)); }
  void error(const std::string& id, const std::string& msg) {
    errors.push_back("Resource with id [" + id + "] is invalid. " + msg);
  }
  // Replaces Refs to template parameters by their defaults (SAM's resolve_parameter_refs).
  Node resolve_parameter_refs(const Node& value) const;
  ApiState& api(const std::string& id);  // the implicit ServerlessRestApi is created on demand
};

// One generated resource: {Type, Properties} plus pass-through attributes.
Node resource(const std::string& type, Node properties, const Node& attributes = Node());
Node ref_node(const std::string& id);
Node get_att(const std::string& id, const std::string& attr);
Node str(const std::string& s);
Node tags_list(const Node& tag_map, bool sam_tag);

void expand_function(Expansion& x, const std::string& id, const Node& props, const Node& attributes);
void expand_simple_table(Expansion& x, const std::string& id, const Node& props, const Node& attributes);
void register_api(Expansion& x, const std::string& id, const Node& props, const Node& attributes);
void finish_apis(Expansion& x);

// Policies (policies.cpp): fills a role's ManagedPolicyArns and Policies from SAM `Policies`.
void apply_policies(Expansion& x, const std::string& fn_id, const Node& policies, Node& managed_arns,
                    Node& inline_policies);

}  // namespace pipemu::cfn::sam
