#include "scenario/expect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/diagnostic.hpp"
#include "model/text.hpp"

namespace pipemu::scenario {

using K = Expectation::Kind;
using engine::ActionRecord;
using engine::Status;

const ActionRecord* find_action(const engine::RunRecord& record, const std::string& name) {
  auto slash = name.find('/');
  for (const auto& stage : record.stages) {
    if (slash != std::string::npos) {
      if (stage.name != name.substr(0, slash)) continue;
      return stage.action(name.substr(slash + 1));
    }
    if (const auto* a = stage.action(name)) return a;
  }
  return nullptr;
}

namespace {

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

std::string quote(const std::string& s) { return s.empty() ? "(nothing)" : "\"" + s + "\""; }

class Evaluator {
 public:
  Evaluator(const Outcome& o, std::vector<Failure>& out) : o_(o), out_(out) {}

  void fail(const Expectation& e, std::string what, std::string expected, std::string actual) {
    out_.push_back({e.mark, std::move(what), std::move(expected), std::move(actual)});
  }

  // The execution's status word; a run that stopped before any execution counts as Failed
  // (pipemu run marks it so) and a push nothing matched has no execution.
  std::string execution_status() const {
    if (o_.started) return std::string(engine::to_string(o_.record.status));
    return o_.error.empty() ? "no execution" : "Failed";
  }
  std::string summary() const {
    std::string s = o_.record.status_summary;
    if (!o_.error.empty()) s += (s.empty() ? "" : "\n") + o_.error;
    return s;
  }

  const ActionRecord* action(const Expectation& e, const std::string& name) {
    if (!o_.started) {
      fail(e, fmt::format("action {}", name), "the action to run", "no execution started" +
           (o_.error.empty() ? std::string() : ": " + o_.error));
      return nullptr;
    }
    const ActionRecord* a = find_action(o_.record, name);
    if (!a) fail(e, fmt::format("action {}", name), "present in the run", "no such action in the run record");
    return a;
  }

  void run(const Expectation& e) {
    switch (e.kind) {
      case K::Started: {
        std::string actual = o_.started ? "true" : "false";
        if (actual != e.expected)
          fail(e, "an execution started", e.expected,
               actual + (o_.error.empty() ? "" : " (" + o_.error + ")"));
        break;
      }
      case K::Status: {
        std::string actual = execution_status();
        if (actual != e.expected) {
          std::string s = summary();
          fail(e, "execution status", e.expected, actual + (s.empty() ? "" : ": " + s));
        }
        break;
      }
      case K::StageStatus: {
        const engine::StageRecord* st = o_.started ? o_.record.stage(e.stage) : nullptr;
        std::string actual = st ? std::string(engine::to_string(st->status))
                                : (o_.started ? "no such stage" : "no execution");
        if (actual != e.expected) fail(e, fmt::format("stage {} status", e.stage), e.expected, actual);
        break;
      }
      case K::ActionStatus: {
        if (!o_.started && e.expected == "NotStarted") break;
        const ActionRecord* a = action(e, e.action);
        if (!a) break;
        std::string actual(engine::to_string(a->status));
        if (actual != e.expected)
          fail(e, fmt::format("action {} status", e.action), e.expected,
               actual + (a->error.empty() ? "" : ": " + a->error));
        break;
      }
      case K::ErrorContains: {
        if (e.action.empty()) {
          if (!contains(summary(), e.expected))
            fail(e, "execution failure summary", "contains " + quote(e.expected), quote(summary()));
          break;
        }
        const ActionRecord* a = action(e, e.action);
        if (a && !contains(a->error, e.expected))
          fail(e, fmt::format("action {} error", e.action), "contains " + quote(e.expected),
               quote(a->error));
        break;
      }
      case K::LogContains: {
        const ActionRecord* a = action(e, e.action);
        if (!a) break;
        std::string log = text::join(a->log_tail, "\n");
        if (!contains(log, e.expected))
          fail(e, fmt::format("action {} log", e.action), "contains " + quote(e.expected),
               log.empty() ? "(empty log)" : "last lines:\n" + log);
        break;
      }
      case K::Before: before(e); break;
      case K::Overlap: overlap(e); break;
      case K::Artifact: artifact(e); break;
      case K::Stack: stack(e); break;
      case K::NoStack: {
        const ObservedStack* s = find_stack(e.region, e.name);
        if (s && s->status != "DELETE_COMPLETE")
          fail(e, fmt::format("stack {} in {}", e.name, e.region), "absent", s->status);
        break;
      }
      case K::Export:
      case K::NoExport: exports(e); break;
      case K::Nothing: nothing(e); break;
    }
  }

 private:
  const Outcome& o_;
  std::vector<Failure>& out_;

  const ObservedStack* find_stack(const std::string& region, const std::string& name) const {
    auto it = o_.after.find(region);
    return it == o_.after.end() ? nullptr : it->second.stack(name);
  }

  bool ran(const ActionRecord* a) const { return a && a->started > 0 && a->finished > 0; }

  void before(const Expectation& e) {
    const ActionRecord* a = action(e, e.a);
    const ActionRecord* b = a ? action(e, e.b) : nullptr;
    if (!a || !b) return;
    std::string what = fmt::format("{} finishes before {} starts", e.a, e.b);
    if (!ran(a) || !ran(b)) {
      fail(e, what, "both actions ran",
           fmt::format("{} {}, {} {}", e.a, engine::to_string(a->status), e.b, engine::to_string(b->status)));
      return;
    }
    if (a->finished > b->started)
      fail(e, what, fmt::format("{} finished <= {} started", e.a, e.b),
           fmt::format("{} finished at +{} ms, {} started at +{} ms", e.a, a->finished - o_.record.started,
                       e.b, b->started - o_.record.started));
  }

  void overlap(const Expectation& e) {
    std::vector<const ActionRecord*> acts;
    std::vector<std::string> names;
    for (const auto& n : e.names) {
      const ActionRecord* a = action(e, n.value);
      if (!a) return;
      acts.push_back(a);
      names.push_back(n.value);
    }
    std::string what = fmt::format("{} overlap", text::join(names, ", "));
    for (size_t i = 0; i < acts.size(); ++i) {
      if (!ran(acts[i])) {
        fail(e, what, "every action ran", fmt::format("{} {}", names[i], engine::to_string(acts[i]->status)));
        return;
      }
    }
    // Each pair of [started, finished] intervals shares time. Touching does not count: a
    // serialised group gives back-to-back intervals (one ends in the millisecond the next starts).
    for (size_t i = 0; i < acts.size(); ++i)
      for (size_t j = i + 1; j < acts.size(); ++j)
        if (acts[i]->started >= acts[j]->finished || acts[j]->started >= acts[i]->finished) {
          auto t = [&](const ActionRecord* a) {
            return fmt::format("[+{}, +{}] ms", a->started - o_.record.started, a->finished - o_.record.started);
          };
          fail(e, what, fmt::format("{} and {} run at the same time", names[i], names[j]),
               fmt::format("{} {}, {} {}", names[i], t(acts[i]), names[j], t(acts[j])));
          return;
        }
  }

  void artifact(const Expectation& e) {
    const engine::ArtifactRecord* a = o_.started ? o_.record.artifact(e.name) : nullptr;
    std::string what = fmt::format("artifact {}", e.name);
    if (!a) {
      std::vector<std::string> have;
      if (o_.started) for (const auto& x : o_.record.artifacts) have.push_back(x.name);
      fail(e, what, "produced", have.empty() ? "no artifacts" : "artifacts: " + text::join(have, ", "));
      return;
    }
    std::vector<std::string> files;
    for (const auto& f : a->files) files.push_back(f.path);
    for (const auto& f : e.files)
      if (std::find(files.begin(), files.end(), f.value) == files.end())
        out_.push_back({f.mark, what + " files", "contains " + f.value, "files: " + text::join(files, ", ")});
    if (!e.sha256.empty() && e.sha256 != a->sha256) fail(e, what + " sha256", e.sha256, a->sha256);
    std::vector<std::string> regions;
    for (const auto& l : a->locations) regions.push_back(l.region);
    for (const auto& r : e.regions)
      if (std::find(regions.begin(), regions.end(), r.value) == regions.end())
        out_.push_back({r.mark, what + " copies", "a copy in " + r.value,
                        "copies in: " + text::join(regions, ", ")});
  }

  void stack(const Expectation& e) {
    std::string what = fmt::format("stack {} in {}", e.name, e.region);
    const ObservedStack* s = find_stack(e.region, e.name);
    if (!s) {
      std::vector<std::string> have;
      auto it = o_.after.find(e.region);
      if (it != o_.after.end()) for (const auto& x : it->second.stacks) have.push_back(x.name);
      fail(e, what, "exists" + (e.expected.empty() ? "" : " with status " + e.expected),
           have.empty() ? "no stacks in " + e.region : "stacks there: " + text::join(have, ", "));
      return;
    }
    if (!e.expected.empty() && s->status != e.expected)
      fail(e, what + " status", e.expected, s->status + (s->reason.empty() ? "" : ": " + s->reason));
    if (!e.reason_contains.empty() && !contains(s->reason, e.reason_contains))
      fail(e, what + " status reason", "contains " + quote(e.reason_contains), quote(s->reason));
    for (const auto& [id, type] : e.resources) {
      auto it = s->resources.find(id);
      std::string actual = it == s->resources.end() ? "no resource " + id : it->second;
      if (it == s->resources.end() || (!type.value.empty() && type.value != "*" && it->second != type.value))
        out_.push_back({type.mark, what + " resource " + id, type.value, actual});
    }
    for (const auto& [key, value] : e.outputs) {
      auto it = s->outputs.find(key);
      if (it == s->outputs.end())
        out_.push_back({value.mark, what + " output " + key, value.value, "no such output"});
      else if (value.value != "*" && it->second != value.value)
        out_.push_back({value.mark, what + " output " + key, value.value, it->second});
    }
  }

  void exports(const Expectation& e) {
    auto it = o_.after.find(e.region);
    const std::map<std::string, std::string> none;
    const auto& ex = it == o_.after.end() ? none : it->second.exports;
    auto x = ex.find(e.name);
    std::string what = fmt::format("export {} in {}", e.name, e.region);
    if (e.kind == K::NoExport) {
      if (x != ex.end()) fail(e, what, "absent", x->second);
      return;
    }
    if (x == ex.end()) fail(e, what, e.expected.empty() ? "exported" : e.expected, "not exported");
    else if (!e.expected.empty() && x->second != e.expected) fail(e, what, e.expected, x->second);
  }

  void nothing(const Expectation& e) {
    std::vector<std::string> seen;
    if (o_.started)
      for (const auto& st : o_.record.stages)
        for (const auto& a : st.actions)
          if (a.region == e.region && a.status != Status::NotStarted)
            seen.push_back(fmt::format("action {} {}", a.name, engine::to_string(a.status)));
    // Stacks that appeared or changed status since the scenario was seeded.
    auto after = o_.after.find(e.region);
    auto before = o_.before.find(e.region);
    if (after != o_.after.end())
      for (const auto& s : after->second.stacks) {
        const ObservedStack* old = before == o_.before.end() ? nullptr : before->second.stack(s.name);
        if (!old || old->status != s.status)
          seen.push_back(fmt::format("stack {} {}", s.name, s.status));
      }
    if (!seen.empty()) fail(e, fmt::format("nothing happened in {}", e.region), "no action, no stack change",
                            text::join(seen, "; "));
  }
};

}  // namespace

std::vector<Failure> evaluate(const Scenario& scenario, const Outcome& outcome) {
  std::vector<Failure> out;
  Evaluator ev(outcome, out);
  for (const auto& e : scenario.then) ev.run(e);
  return out;
}

std::string render(const Failure& f) {
  model::Diagnostic d = model::Diagnostic::error(f.mark, "expectation failed: " + f.what, "");
  std::string out = model::render(d);
  auto indent = [](const std::string& s) {
    std::string r;
    for (char c : s) {
      r += c;
      if (c == '\n') r += "            ";
    }
    return r;
  };
  out += "  expected: " + indent(f.expected) + "\n";
  out += "  actual:   " + indent(f.actual) + "\n";
  return out;
}

}  // namespace pipemu::scenario
