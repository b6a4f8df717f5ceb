#pragma once
// The resource dependency graph: implicit edges from Ref, Fn::GetAtt and Fn::Sub ${...},
// explicit ones from DependsOn. Creation order is a deterministic topological order (ties broken
// by template order); deletion is its reverse. Walks are iterative-safe because parse_template
// already bounded nesting.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fakes/cloudformation/template/template.hpp"

namespace pipemu::cfn {

struct DependencyGraph {
  // logical id -> resources it depends on (only resources in the graph).
  std::map<std::string, std::set<std::string>> depends_on;
  std::vector<std::string> create_order;

  std::vector<std::string> delete_order() const;
  // Resources that depend on `id`, directly.
  std::vector<std::string> dependents(const std::string& id) const;
};

// Resource logical ids referenced by a value (Ref, GetAtt, Sub variables not shadowed by its
// variable map). Parameters and pseudo parameters are not returned.
std::set<std::string> referenced_resources(const Template& tpl, const model::Node& value);

// Builds the graph over `included` resources (those whose Condition holds; pass all resource
// ids to ignore conditions). Errors:
//   "Template format error: Unresolved resource dependencies [X] in the Resources block of the template"
//   "Template error: instance of Fn::GetAtt references undefined resource X"
//   "Circular dependency between resources: [A, B]"
Result<DependencyGraph> build_graph(const Template& tpl, const std::set<std::string>& included);
Result<DependencyGraph> build_graph(const Template& tpl);  // all resources

}  // namespace pipemu::cfn
