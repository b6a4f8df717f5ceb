// SAM `Policies`: AWS managed policy names (or ARNs/intrinsics), inline policy documents, and
// SAM policy templates ({SQSPollerPolicy: {QueueName: ...}}), turned into role properties.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/serverless/data/sam_data.hpp"
#include "fakes/cloudformation/template/serverless/expansion.hpp"

namespace pipemu::cfn::sam {
namespace {

const nlohmann::json& templates() {
  static const nlohmann::json kTemplates = nlohmann::json::parse(policy_templates_json());
  return kTemplates;
}

// Replaces {"Ref": <template parameter>} by the value the user gave for it.
Node substitute(const Node& n, const Node& values) {
  if (n.is_intrinsic() && n.intrinsic_name() == "Ref" && n.intrinsic_arg().is_scalar())
    if (const Node* v = values.find(n.intrinsic_arg().str())) return *v;
  if (n.is_sequence()) {
    Node out = Node::sequence();
    for (const auto& i : n.items()) out.push(substitute(i, values));
    return out;
  }
  if (!n.is_map()) return n;
  Node out = Node::map();
  for (const auto& e : n.entries()) out.set(e.key, substitute(e.value, values));
  return out;
}

}  // namespace

void apply_policies(Expansion& x, const std::string& fn_id, const Node& policies, Node& managed_arns,
                    Node& inline_policies) {
  Node list = policies;
  if (!policies.is_sequence()) {
    list = Node::sequence();
    list.push(policies);
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const Node& p = list.items()[i];
    std::string policy_name = fmt::format("{}RolePolicy{}", fn_id, i);
    if (p.is_scalar()) {
      std::string arn = p.str();
      for (const auto& m : managed_policies())
        if (m.name == p.str()) arn = fmt::format("arn:{}:iam::aws:policy/{}", x.stack.partition(), m.path);
      managed_arns.push(str(arn));  // unknown names pass through as SAM passes them
      continue;
    }
    if (p.is_intrinsic()) {
      managed_arns.push(p);
      continue;
    }
    if (p.is_map() && p.find("Statement")) {
      Node entry = Node::map();
      entry.set("PolicyName", str(policy_name));
      entry.set("PolicyDocument", p);
      inline_policies.push(std::move(entry));
      continue;
    }
    if (p.is_map() && p.size() == 1) {
      const std::string& name = p.entries()[0].key;
      if (!templates().contains(name)) {
        x.error(fn_id, fmt::format("Policy template '{}' is not supported by pipemu (or does not exist).", name));
        continue;
      }
      const Node& values = p.entries()[0].value;
      const auto& params = templates()[name]["Parameters"];
      for (auto it = params.begin(); it != params.end(); ++it)
        if (!values.is_map() || !values.find(it.key())) {
          x.error(fn_id, fmt::format("Missing required parameter '{}' for policy template '{}'.", it.key(), name));
          return;
        }
      Node doc = substitute(Node::from_json(templates()[name]["Definition"]), values);
      Node entry = Node::map();
      entry.set("PolicyName", str(policy_name));
      entry.set("PolicyDocument", std::move(doc));
      inline_policies.push(std::move(entry));
      continue;
    }
    x.error(fn_id, "Property 'Policies' must be a managed policy name, an ARN, a policy document or a policy "
                   "template.");
  }
}

}  // namespace pipemu::cfn::sam
