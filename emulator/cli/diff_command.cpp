// `pipemu diff RUN1 RUN2`: what changed between two recorded runs — status, commit, action
// outcomes, artifact hashes, and per region the stacks' status, resources and outputs.
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/history/history.hpp"

namespace pipemu::cli {

namespace {

template <class M>
void diff_maps(std::string& out, const std::string& what, const M& a, const M& b) {
  std::set<std::string> keys;
  for (auto& [k, v] : a) keys.insert(k);
  for (auto& [k, v] : b) keys.insert(k);
  for (const auto& k : keys) {
    auto ia = a.find(k), ib = b.find(k);
    if (ia == a.end()) out += fmt::format("  + {} {} = {}\n", what, k, ib->second);
    else if (ib == b.end()) out += fmt::format("  - {} {} = {}\n", what, k, ia->second);
    else if (ia->second != ib->second) out += fmt::format("  ~ {} {}: {} -> {}\n", what, k, ia->second, ib->second);
  }
}

}  // namespace

std::string render_diff(const engine::RunRecord& a, const engine::RunRecord& b) {
  std::string out = fmt::format("{} -> {}\n", a.execution_id, b.execution_id);
  if (a.status != b.status)
    out += fmt::format("  ~ status: {} -> {}\n", engine::to_string(a.status), engine::to_string(b.status));
  if (a.trigger.commit != b.trigger.commit)
    out += fmt::format("  ~ commit: {} -> {}\n", a.trigger.commit.substr(0, 12), b.trigger.commit.substr(0, 12));
  std::map<std::string, std::string> acts_a, acts_b;
  for (const auto& s : a.stages) for (const auto& x : s.actions) acts_a[s.name + "/" + x.name] = std::string(engine::to_string(x.status));
  for (const auto& s : b.stages) for (const auto& x : s.actions) acts_b[s.name + "/" + x.name] = std::string(engine::to_string(x.status));
  diff_maps(out, "action", acts_a, acts_b);
  std::map<std::string, std::string> art_a, art_b;
  for (const auto& x : a.artifacts) art_a[x.name] = x.sha256.substr(0, 16);
  for (const auto& x : b.artifacts) art_b[x.name] = x.sha256.substr(0, 16);
  diff_maps(out, "artifact", art_a, art_b);
  // The last state of each stack per region in each run.
  std::map<std::string, const engine::StackRecord*> st_a, st_b;
  for (const auto& s : a.stacks) st_a[s.region + " " + s.stack_name] = &s;
  for (const auto& s : b.stacks) st_b[s.region + " " + s.stack_name] = &s;
  std::set<std::string> keys;
  for (auto& [k, v] : st_a) keys.insert(k);
  for (auto& [k, v] : st_b) keys.insert(k);
  for (const auto& k : keys) {
    const engine::StackRecord* x = st_a.count(k) ? st_a[k] : nullptr;
    const engine::StackRecord* y = st_b.count(k) ? st_b[k] : nullptr;
    std::string section;
    if (!x) section += fmt::format("  + stack {} {}\n", k, y->status);
    else if (!y) section += fmt::format("  - stack {}\n", k);
    else {
      if (x->status != y->status) section += fmt::format("  ~ status: {} -> {}\n", x->status, y->status);
      std::map<std::string, std::string> ra, rb;
      for (const auto& r : x->resources) ra[r.logical_id] = r.type + " " + r.physical_id;
      for (const auto& r : y->resources) rb[r.logical_id] = r.type + " " + r.physical_id;
      diff_maps(section, "resource", ra, rb);
      diff_maps(section, "output", x->outputs, y->outputs);
      diff_maps(section, "export", x->exports, y->exports);
      if (!section.empty()) section = fmt::format("  stack {}:\n", k) + section;
    }
    out += section;
  }
  if (out.find('\n') == out.size() - 1) out += "  no differences\n";
  return out;
}

std::function<int()> setup_diff(CLI::App& app) {
  auto state = std::make_shared<std::string>(".pipemu/state");
  auto a = std::make_shared<std::string>("previous");
  auto b = std::make_shared<std::string>("latest");
  app.add_option("run1", *a, "Older run: id, id prefix, 'previous' (default) or 'latest'");
  app.add_option("run2", *b, "Newer run (default 'latest')");
  app.add_option("--state", *state, "State directory");
  return [state, a, b] {
    auto h = engine::History::open(*state);
    if (!h) return std::cerr << "pipemu diff: " << h.error() << "\n", 1;
    auto ra = (*h)->load(*a);
    if (!ra) return std::cerr << "pipemu diff: " << ra.error() << "\n", 1;
    auto rb = (*h)->load(*b);
    if (!rb) return std::cerr << "pipemu diff: " << rb.error() << "\n", 1;
    std::cout << render_diff(*ra, *rb);
    return 0;
  };
}

}  // namespace pipemu::cli
