// Runs a prepared scenario with the engine in-process through the session `pipemu run` uses too
// (engine/session/session.hpp), over the scenario's own fakes: seeded, faulted, run once per
// trigger, observed. Nothing is shared between scenarios.
#include "scenario/engine_driver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/actions/local_aws.hpp"
#include "engine/plan.hpp"
#include "engine/scheduler.hpp"
#include "engine/session/session.hpp"
#include "model/text.hpp"
#include "report/report_dir.hpp"
#include "scenario/webhook_trigger.hpp"
#include "scenario/world.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;
using namespace engine;

namespace {

// The branches the pipeline's source actions track (their Branch configuration).
std::vector<std::string> tracked_branches(const model::Pipeline& p) {
  std::vector<std::string> out;
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      if (a.type.category == "Source") {
        auto cfg = configuration_strings(a);
        if (auto it = cfg.find("Branch"); it != cfg.end()) out.push_back(it->second);
      }
  return out;
}

// The session's warnings and errors, passed to EngineDriverOptions::say (its notes are the
// scenario's business: the result shows what went wrong).
class WarningRelay final : public Reporter {
 public:
  WarningRelay(const EngineDriverOptions& options, const std::string& scenario)
      : options_(options), scenario_(scenario) {}
  void on_event(const Event& e) override {
    const auto* n = std::get_if<Notice>(&e);
    if (n && n->level != Notice::Level::Info && options_.say) options_.say(scenario_, "warning: " + n->text);
  }

 private:
  const EngineDriverOptions& options_;
  const std::string& scenario_;
};

// The answer to a manual approval: per action from `when.approvals`, else `when.approve`.
std::optional<std::string> approval_answer(const When& when, const std::string& prompt) {
  // Prompt: "Approval <Stage>/<Action>: approve? [y/N] "
  for (const auto& [action, answer] : when.approvals)
    if (prompt.find("/" + action + ":") != std::string::npos) return answer == "approved" ? "y" : "n";
  return when.approve == "all" ? "y" : "n";
}

// A webhook delivery starts the pipeline when its filters match; a push, when a source action
// tracks the branch (or a commit is named).
StartDecision start_decision(const Prepared& p, const model::Pipeline& pipeline, const Trigger& trigger,
                             const std::string& branch) {
  StartDecision d;
  if (!trigger.webhook.empty()) {
    auto decision = webhook_decision(p.template_path, pipeline, trigger);
    if (!decision.start) return {false, decision.reason, "", "", ""};
    d.trigger_type = "Webhook";
    d.branch = decision.branch;
    d.commit = decision.commit;
    return d;
  }
  auto tracked = tracked_branches(pipeline);
  if (trigger.commit.empty() && !tracked.empty() &&
      std::find(tracked.begin(), tracked.end(), branch) == tracked.end())
    return {false,
            fmt::format("push to {}: no source action tracks that branch (they track {})", branch,
                        text::join(tracked, ", ")),
            "", "", ""};
  return d;
}

class EngineDriver final : public Driver {
 public:
  explicit EngineDriver(EngineDriverOptions options) : options_(std::move(options)) {}
  Outcome run(const Prepared& p) override {
    Outcome out;
    const Scenario& s = *p.scenario;
    std::unique_ptr<LocalAws> aws;
    try {
      aws = std::make_unique<LocalAws>(fs::path(p.state_dir));
    } catch (const std::exception& e) {
      out.error = fmt::format("cannot open the scenario's state in {}: {}", p.state_dir, e.what());
      return out;
    }
    auto seeded = seed_state(*aws, s, p.root);
    if (!seeded) {
      out.error = "seeding the fakes: " + seeded.error();
      return out;
    }
    std::set<std::string> regions = scenario_regions(s);
    for (const auto& r : regions) out.before[r] = observe_region(*aws, r);
    install_faults(*aws, s);

    for (size_t i = 0; i < s.when.runs.size(); ++i) {
      bool last = i + 1 == s.when.runs.size();
      Outcome one = run_once(*aws, p, s.when.runs[i], regions, i);
      if (last || !one.error.empty()) {
        out.started = one.started;
        out.error = one.error;
        out.note = one.note;
        out.record = std::move(one.record);
        if (!last && !out.error.empty()) out.error = fmt::format("run {} of {}: {}", i + 1, s.when.runs.size(), out.error);
        if (!last) break;
      }
    }
    for (const auto& r : regions) out.after[r] = observe_region(*aws, r);
    return out;
  }

 private:
  Outcome run_once(LocalAws& aws, const Prepared& p, const Trigger& trigger, std::set<std::string>& regions,
                   size_t index) {
    Outcome out;
    const Scenario& s = *p.scenario;
    std::unique_ptr<report::ReportDirReporter> report_dir;
    if (!p.report_dir.empty() && index + 1 == s.when.runs.size())
      report_dir = std::make_unique<report::ReportDirReporter>(p.report_dir);

    SessionSettings settings;
    settings.template_path = p.template_path;
    settings.region = s.given.region;
    settings.parameters = s.given.parameters;
    settings.trigger.detail = "pipemu scenario " + s.name;
    settings.trigger.repository = p.repo_dir;
    settings.trigger.branch = trigger.branch.empty() ? p.first_branch : trigger.branch;
    settings.trigger.commit = trigger.commit;
    settings.executor = s.given.executor;
    settings.executor_required = true;
    settings.engine_files = options_.engine_files;
    settings.fakes_host = options_.fakes_host;
    settings.work_root = (fs::path(p.root) / "work").string();
    settings.keep_work = true;  // the scenario's root goes as a whole
    settings.cache_root = (fs::path(p.root) / "cache").string();
    settings.server_threads = 4;
    // `timeout` faults: the named build action's time limit instead of its TimeoutInMinutes.
    for (const auto& f : s.faults)
      if (f.kind == Fault::Kind::Timeout) settings.build_timeouts[f.action] = std::chrono::milliseconds(f.ms);
    settings.report_failed_start = false;  // a scenario reads the error itself
    WarningRelay warnings(options_, s.name);
    FanOutReporter reporters;
    reporters.add(report_dir.get());
    reporters.add(&warnings);
    SessionHooks hooks;
    hooks.reporter = &reporters;
    hooks.approve = ApprovalPolicy::Ask;
    const When& when = s.when;
    hooks.ask = [&when](const std::string& prompt) { return approval_answer(when, prompt); };
    hooks.decide_start = [&](const model::Pipeline& pipeline) {
      for (const auto& st : pipeline.stages)
        for (const auto& a : st.actions) regions.insert(effective_region(a, s.given.region));
      return start_decision(p, pipeline, trigger, settings.trigger.branch);
    };

    SessionResult r = engine::run_session(aws, settings, hooks);
    if (!r.stale_note.empty() && options_.say) options_.say(s.name, r.stale_note);
    out.started = r.started;
    out.error = r.error;
    out.note = r.note;
    if (r.started) out.record = std::move(r.record);
    return out;
  }

  EngineDriverOptions options_;
};

}  // namespace

std::unique_ptr<Driver> make_engine_driver(EngineDriverOptions options) {
  return std::make_unique<EngineDriver>(std::move(options));
}

}  // namespace pipemu::scenario
