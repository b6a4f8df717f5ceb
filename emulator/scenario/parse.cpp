#include "scenario/parse.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/loader.hpp"
#include "scenario/parse_support.hpp"
#include "scenario/paths.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;
using detail::Reader;
using model::Node;

// Defined in parse_then.cpp / parse_faults.cpp.
namespace detail {
std::vector<Expectation> parse_then(const Node& then, Reader& r);
std::vector<Fault> parse_faults(const Node& faults, Reader& r);
}  // namespace detail

namespace {

// A path written in the scenario, resolved and checked not to escape (paths.hpp).
std::string path_value(const Node& n, const std::string& what, const std::string& folder, Reader& r) {
  std::string v = r.str(n, what);
  if (v.empty()) return {};
  auto resolved = resolve_path(folder, v);
  if (!resolved) {
    r.error(n.mark(), fmt::format("{} '{}' {}", what, v, resolved.error()),
            "paths are relative to the scenario folder; start with // for the suite folder");
    return {};
  }
  return *resolved;
}

// A path inside the scenario's repository may not be absolute or climb out of it.
bool leaves_repository(const std::string& path) {
  fs::path p(path);
  auto norm = p.lexically_normal();
  return p.is_absolute() || norm.empty() || *norm.begin() == "..";
}

std::map<std::string, std::string> file_map(const Node& n, const std::string& what, Reader& r) {
  auto files = r.string_map(n, what);
  if (n.is_map())
    for (const auto& e : n.entries())
      if (leaves_repository(e.key)) {
        r.error(e.key_mark, fmt::format("{} path '{}' leaves the repository", what, e.key));
        files.erase(e.key);
      }
  return files;
}

Repository parse_repository(const Node& n, const std::string& folder, Reader& r) {
  Repository repo;
  repo.mark = n.mark();
  if (!r.map(n, "given.repository", {"fixture", "files", "branch", "commits"})) return repo;
  if (auto* f = n.find("fixture")) {
    repo.fixture = path_value(*f, "given.repository.fixture", folder, r);
    if (!repo.fixture.empty() && !fs::is_directory(repo.fixture))
      r.error(f->mark(), fmt::format("fixture folder '{}' does not exist", f->str()));
  }
  if (auto* f = n.find("files")) repo.files = file_map(*f, "given.repository.files", r);
  if (auto* b = n.find("branch")) repo.branch = r.str(*b, "given.repository.branch");
  if (auto* c = n.find("commits")) {
    if (!c->is_sequence()) {
      r.error(c->mark(), "given.repository.commits must be a list");
    } else {
      for (const auto& item : c->items()) {
        Commit commit;
        commit.mark = item.mark();
        if (!r.map(item, "a commit", {"message", "branch", "files", "remove"})) continue;
        if (auto* m = item.find("message")) commit.message = r.str(*m, "commit message");
        if (auto* b = item.find("branch")) commit.branch = r.str(*b, "commit branch");
        if (auto* f = item.find("files")) commit.files = file_map(*f, "commit files", r);
        if (auto* d = item.find("remove"))
          for (auto& t : r.text_list(*d, "commit remove")) {
            if (leaves_repository(t.value)) {
              r.error(t.mark, fmt::format("commit remove path '{}' leaves the repository", t.value));
              continue;
            }
            commit.remove.push_back(t.value);
          }
        if (commit.message.empty()) commit.message = fmt::format("commit {}", repo.commits.size() + 2);
        repo.commits.push_back(std::move(commit));
      }
    }
  }
  return repo;
}

RegionSeed parse_region(const model::Entry& e, const std::string& folder, Reader& r) {
  RegionSeed seed;
  seed.region = e.key;
  seed.mark = e.key_mark;
  const Node& n = e.value;
  std::string what = "given.state." + e.key;
  if (!r.map(n, what, {"parameters", "buckets", "objects", "stacks", "exports"})) return seed;
  if (auto* p = n.find("parameters")) seed.parameters = r.string_map(*p, what + ".parameters");
  if (auto* b = n.find("buckets"))
    for (auto& t : r.text_list(*b, what + ".buckets")) seed.buckets.push_back(t.value);
  if (auto* o = n.find("objects")) {
    // "bucket/key": content
    for (auto& [k, v] : r.text_map(*o, what + ".objects")) {
      auto slash = k.find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == k.size()) {
        r.error(v.mark, fmt::format("object '{}' must be written bucket/key", k));
        continue;
      }
      seed.objects.push_back({k.substr(0, slash), k.substr(slash + 1), v.value, v.mark});
    }
  }
  if (auto* s = n.find("stacks")) {
    if (!s->is_sequence()) r.error(s->mark(), what + ".stacks must be a list");
    else
      for (const auto& item : s->items()) {
        SeedStack st;
        st.mark = item.mark();
        if (!r.map(item, "a stack", {"name", "template", "parameters"})) continue;
        if (auto* x = item.find("name")) st.name = r.str(*x, "stack name");
        if (auto* x = item.find("template")) st.template_path = path_value(*x, "stack template", folder, r);
        if (auto* x = item.find("parameters")) st.parameters = r.string_map(*x, "stack parameters");
        if (st.name.empty()) r.error(item.mark(), "a stack needs a name");
        if (!item.find("template")) r.error(item.mark(), "a stack needs a template");
        seed.stacks.push_back(std::move(st));
      }
  }
  if (auto* x = n.find("exports")) seed.exports = r.string_map(*x, what + ".exports");
  return seed;
}

Given parse_given(const Node& n, const std::string& folder, Reader& r) {
  Given g;
  if (!r.map(n, "given", {"repository", "pipeline", "buildspec", "parameters", "region", "executor",
                          "state"}))
    return g;
  if (auto* x = n.find("repository")) g.repository = parse_repository(*x, folder, r);
  if (auto* x = n.find("pipeline")) {
    g.pipeline = path_value(*x, "given.pipeline", folder, r);
    g.pipeline_mark = x->mark();
    if (!g.pipeline.empty() && !fs::is_regular_file(g.pipeline))
      r.error(x->mark(), fmt::format("pipeline template '{}' does not exist", x->str()));
  } else {
    r.error(n.mark(), "given.pipeline is required: the pipeline template to run");
  }
  if (auto* x = n.find("buildspec")) {
    // buildspec: {file: my-buildspec.yml, to: amazon/pipeline/production/buildspec.yaml}
    if (r.map(*x, "given.buildspec", {"file", "to"})) {
      if (auto* f = x->find("file")) g.buildspec = path_value(*f, "given.buildspec.file", folder, r);
      if (auto* t = x->find("to")) g.buildspec_target = r.str(*t, "given.buildspec.to");
      if (g.buildspec_target.empty()) g.buildspec_target = "buildspec.yml";
    }
  }
  if (auto* x = n.find("parameters")) g.parameters = r.string_map(*x, "given.parameters");
  if (auto* x = n.find("region")) g.region = r.str(*x, "given.region");
  if (auto* x = n.find("executor")) g.executor = r.word(*x, "given.executor", {"local", "docker", "auto"});
  if (auto* x = n.find("state")) {
    if (x->is_map())
      for (const auto& e : x->entries()) g.state.push_back(parse_region(e, folder, r));
    else if (!x->is_null())
      r.error(x->mark(), "given.state must map regions to their state");
  }
  return g;
}

Trigger parse_trigger(const Node& n, const std::string& folder, Reader& r) {
  Trigger t;
  t.mark = n.mark();
  if (n.is_scalar()) {  // push: master
    t.branch = n.str();
    return t;
  }
  if (!r.map(n, "a push", {"branch", "commit"})) return t;
  if (auto* x = n.find("branch")) t.branch = r.str(*x, "push branch");
  if (auto* x = n.find("commit")) t.commit = r.str(*x, "push commit");
  (void)folder;
  return t;
}

Trigger parse_webhook(const Node& n, const std::string& folder, Reader& r) {
  Trigger t;
  t.mark = n.mark();
  if (!r.map(n, "when.webhook", {"payload", "headers", "branch"})) return t;
  if (auto* p = n.find("payload")) {
    if (p->is_map()) {
      t.webhook = p->to_json().dump();
    } else {
      std::string file = path_value(*p, "webhook payload", folder, r);
      std::ifstream in(file);
      if (!file.empty() && !in) r.error(p->mark(), fmt::format("webhook payload '{}' cannot be read", p->str()));
      std::stringstream ss;
      ss << in.rdbuf();
      t.webhook = ss.str();
    }
  } else {
    r.error(n.mark(), "when.webhook needs a payload (a mapping or a JSON file)");
  }
  if (auto* h = n.find("headers")) t.webhook_headers = r.string_map(*h, "webhook headers");
  if (auto* b = n.find("branch")) t.branch = r.str(*b, "webhook branch");
  return t;
}

When parse_when(const Node& n, const std::string& folder, Reader& r) {
  When w;
  w.mark = n.mark();
  if (!r.map(n, "when", {"push", "webhook", "runs", "approve", "approvals"})) return w;
  if (auto* x = n.find("push")) w.runs.push_back(parse_trigger(*x, folder, r));
  if (auto* x = n.find("webhook")) w.runs.push_back(parse_webhook(*x, folder, r));
  if (auto* x = n.find("runs")) {
    if (!x->is_sequence()) r.error(x->mark(), "when.runs must be a list of pushes or webhooks");
    else
      for (const auto& item : x->items()) {
        if (!r.map(item, "a run", {"push", "webhook"})) continue;
        if (auto* p = item.find("push")) w.runs.push_back(parse_trigger(*p, folder, r));
        else if (auto* h = item.find("webhook")) w.runs.push_back(parse_webhook(*h, folder, r));
        else r.error(item.mark(), "a run needs push or webhook");
      }
  }
  if (auto* x = n.find("approve")) w.approve = r.word(*x, "when.approve", {"all", "none"});
  if (auto* x = n.find("approvals")) {
    for (auto& [k, v] : r.text_map(*x, "when.approvals")) {
      if (v.value != "approved" && v.value != "rejected")
        r.error(v.mark, fmt::format("approval '{}' must be approved or rejected", v.value));
      w.approvals[k] = v.value;
    }
  }
  return w;
}

}  // namespace

model::Parsed<Scenario> parse_node(const Node& root, const std::string& path) {
  model::Parsed<Scenario> out;
  Reader r{out.diagnostics};
  Scenario& s = out.value;
  s.file = path;
  s.folder = fs::absolute(fs::path(path)).parent_path().lexically_normal().string();
  s.name = fs::path(s.folder).filename().string();
  if (!r.map(root, "the scenario", {"name", "description", "pending", "given", "when", "faults", "then"}))
    return out;
  if (auto* x = root.find("name")) s.name = r.str(*x, "name");
  if (auto* x = root.find("description")) s.description = r.str(*x, "description");
  if (auto* x = root.find("pending")) s.pending = r.str(*x, "pending");
  if (auto* x = root.find("given")) s.given = parse_given(*x, s.folder, r);
  else r.error(root.mark(), "the scenario needs a 'given' section (at least the pipeline)");
  if (auto* x = root.find("when")) s.when = parse_when(*x, s.folder, r);
  if (s.when.runs.empty()) {
    Trigger t;
    t.mark = root.mark();
    s.when.runs.push_back(t);  // a push of the repository's first branch
  }
  if (auto* x = root.find("faults")) s.faults = detail::parse_faults(*x, r);
  if (auto* x = root.find("then")) s.then = detail::parse_then(*x, r);
  else r.error(root.mark(), "the scenario needs a 'then' section: what must be true after the run");
  return out;
}

model::Parsed<Scenario> parse_file(const std::string& path) {
  auto loaded = model::load_file(path);
  if (!loaded) {
    model::Parsed<Scenario> out;
    out.value.file = path;
    out.value.folder = fs::absolute(fs::path(path)).parent_path().lexically_normal().string();
    out.value.name = fs::path(out.value.folder).filename().string();
    out.diagnostics.add(loaded.error());
    return out;
  }
  return parse_node(*loaded, path);
}

}  // namespace pipemu::scenario
