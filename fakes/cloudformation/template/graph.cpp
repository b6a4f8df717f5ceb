// Dependency graph and deterministic creation order (Kahn's algorithm, ties broken by template
// order so two runs of the same template create resources in the same sequence).
#include "fakes/cloudformation/template/graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "fakes/cloudformation/template/references.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "model/text.hpp"

namespace pipemu::cfn {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Resources on a cycle: members of strongly connected components larger than one, or with a
// self edge (Tarjan's algorithm; the graph is at most a few thousand nodes).
std::vector<size_t> cycle_members(const std::vector<std::vector<size_t>>& edges) {
  size_t n = edges.size(), counter = 0;
  std::vector<long> index(n, -1), low(n, 0);
  std::vector<bool> on(n, false), member(n, false);
  std::vector<size_t> stack;
  // Iterative Tarjan so 5,000 chained resources cannot overflow the call stack.
  for (size_t root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work{{root, 0}};
    while (!work.empty()) {
      auto& [v, next] = work.back();
      if (next == 0 && index[v] < 0) {
        index[v] = low[v] = static_cast<long>(counter++);
        stack.push_back(v);
        on[v] = true;
      }
      if (next < edges[v].size()) {
        size_t w = edges[v][next++];
        if (index[w] < 0) {
          work.push_back({w, 0});
        } else if (on[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<size_t> comp;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on[w] = false;
          comp.push_back(w);
        } while (w != v);
        bool self = std::find(edges[v].begin(), edges[v].end(), v) != edges[v].end();
        if (comp.size() > 1 || self)
          for (size_t c : comp) member[c] = true;
      }
      size_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < n; ++i)
    if (member[i]) out.push_back(i);
  return out;
}

}  // namespace

std::vector<std::string> DependencyGraph::delete_order() const {
  return {create_order.rbegin(), create_order.rend()};
}

std::vector<std::string> DependencyGraph::dependents(const std::string& id) const {
  std::vector<std::string> out;
  for (const auto& [res, deps] : depends_on)
    if (deps.count(id)) out.push_back(res);
  return out;
}

std::set<std::string> referenced_resources(const Template& tpl, const model::Node& value) {
  References refs;
  collect_references(value, refs);
  std::set<std::string> out;
  for (const auto& r : refs.refs)
    if (tpl.resource(r.name) && !tpl.parameter(r.name)) out.insert(r.name);
  for (const auto& r : refs.getatts)
    if (tpl.resource(r.name)) out.insert(r.name);
  return out;
}

Result<DependencyGraph> build_graph(const Template& tpl, const std::set<std::string>& included) {
  std::vector<const ResourceDecl*> nodes;
  std::map<std::string, size_t> pos;
  for (const auto& r : tpl.resources)
    if (included.count(r.logical_id)) {
      pos[r.logical_id] = nodes.size();
      nodes.push_back(&r);
    }

  std::vector<std::string> unresolved;
  model::Mark first_mark;
  DependencyGraph g;
  std::vector<std::vector<size_t>> edges(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ResourceDecl& r = *nodes[i];
    References refs;
    collect_references(r.properties, refs);
    collect_references(r.metadata, refs);
    collect_references(r.creation_policy, refs);
    collect_references(r.update_policy, refs);
    for (const auto& g_use : refs.getatts)
      if (!tpl.resource(g_use.name))
        return fail(fmt::format("Template error: instance of Fn::GetAtt references undefined resource {}",
                                g_use.name), g_use.mark);
    std::set<std::string>& deps = g.depends_on[r.logical_id];
    auto depend = [&](const NameUse& u) {
      if (tpl.parameter(u.name) || is_pseudo_parameter(u.name)) return;
      if (!tpl.resource(u.name)) {
        if (unresolved.empty()) first_mark = u.mark;
        add_unique(unresolved, u.name);
        return;
      }
      // References to resources excluded by conditions only matter if evaluated (Fn::If).
      if (included.count(u.name)) deps.insert(u.name);
    };
    for (const auto& u : refs.refs) depend(u);
    for (const auto& u : refs.getatts) depend(u);
    for (const auto& d : r.depends_on) {
      if (!included.count(d)) {
        if (unresolved.empty()) first_mark = r.mark;
        add_unique(unresolved, d);
        continue;
      }
      deps.insert(d);
    }
    for (const auto& d : deps) edges[pos[d]].push_back(i);  // d must exist before i
  }
  if (!unresolved.empty())
    return fail(fmt::format("Template format error: Unresolved resource dependencies [{}] in the Resources "
                            "block of the template", text::join(unresolved, ", ")), first_mark);

  std::vector<size_t> indegree(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) indegree[i] = g.depends_on[nodes[i]->logical_id].size();
  std::set<size_t> ready;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (indegree[i] == 0) ready.insert(i);
  while (!ready.empty()) {
    size_t i = *ready.begin();
    ready.erase(ready.begin());
    g.create_order.push_back(nodes[i]->logical_id);
    for (size_t j : edges[i])
      if (--indegree[j] == 0) ready.insert(j);
  }
  if (g.create_order.size() != nodes.size()) {
    std::vector<std::string> names;
    for (size_t i : cycle_members(edges)) names.push_back(nodes[i]->logical_id);
    return fail(fmt::format("Circular dependency between resources: [{}]", text::join(names, ", ")),
                names.empty() ? model::Mark{} : tpl.resource(names.front())->mark);
  }
  return g;
}

Result<DependencyGraph> build_graph(const Template& tpl) {
  std::set<std::string> all;
  for (const auto& r : tpl.resources) all.insert(r.logical_id);
  return build_graph(tpl, all);
}

}  // namespace pipemu::cfn
