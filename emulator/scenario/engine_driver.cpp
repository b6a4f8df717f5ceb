// Runs a prepared scenario with the engine in-process, wired the way `pipemu run` wires it
// (emulator/cli/run_session.cpp): the pipeline stack first, then the scheduler with the Source,
// CodeBuild, CloudFormation, S3 and Manual approval executors over the scenario's own fakes,
// which are served on a loopback port while builds run. Nothing is shared between scenarios.
#include "scenario/engine_driver.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "build/project_build.hpp"
#include "build/ssm_parameters.hpp"
#include "engine/actions/approval_action.hpp"
#include "engine/actions/cloudformation_action.hpp"
#include "engine/actions/codebuild_action.hpp"
#include "engine/actions/executor_set.hpp"
#include "engine/actions/local_aws.hpp"
#include "engine/actions/s3_deploy_action.hpp"
#include "engine/actions/s3_object_store.hpp"
#include "engine/actions/source_action.hpp"
#include "engine/artifact_store.hpp"
#include "engine/pipeline_stack.hpp"
#include "engine/plan.hpp"
#include "engine/scheduler.hpp"
#include "fakes/server/server.hpp"
#include "model/text.hpp"
#include "report/report_dir.hpp"
#include "scenario/webhook_trigger.hpp"
#include "scenario/world.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;
using namespace engine;

namespace {

// The fakes on a loopback port for the builds' aws CLI, for the duration of one run.
class LoopbackFakes {
 public:
  explicit LoopbackFakes(fakes::Registry& registry) {
    server::Options opts;
    opts.port = 0;
    opts.threads = 4;
    server_ = std::make_unique<server::Server>(registry, opts);
    port_ = server_->bind();
    if (port_ > 0) thread_ = std::thread([this] { server_->run(); });
  }
  ~LoopbackFakes() {
    if (port_ > 0) {
      server_->stop();
      thread_.join();
    }
  }
  std::string url() const { return port_ > 0 ? fmt::format("http://127.0.0.1:{}", port_) : ""; }

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = -1;
  std::thread thread_;
};

// Keeps nothing: the scenario reads the record, the report dir (when asked) writes files.
class NullReporter final : public Reporter {
 public:
  void on_event(const Event&) override {}
};

bool has_provider(const model::Pipeline& p, const std::string& provider) {
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      if (a.type.provider == provider) return true;
  return false;
}

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

// The answer to a manual approval: per action from `when.approvals`, else `when.approve`.
std::optional<std::string> approval_answer(const When& when, const std::string& prompt) {
  // Prompt: "Approval <Stage>/<Action>: approve? [y/N] "
  for (const auto& [action, answer] : when.approvals)
    if (prompt.find("/" + action + ":") != std::string::npos) return answer == "approved" ? "y" : "n";
  return when.approve == "all" ? "y" : "n";
}

class EngineDriver final : public Driver {
 public:
  Outcome run(const Prepared& p) override {
    Outcome out;
    const Scenario& s = *p.scenario;
    for (const auto& f : s.faults)
      if (f.kind == Fault::Kind::Timeout) {
        out.error = "the timeout fault needs a build-timeout override in the engine's CodeBuild action "
                    "(CodeBuildSettings has none yet); not run";
        return out;
      }
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
    SystemClock clock;
    RandomIds ids;
    NullReporter null_reporter;
    FanOutReporter reporters;
    reporters.add(&null_reporter);
    std::unique_ptr<report::ReportDirReporter> report_dir;
    if (!p.report_dir.empty() && index + 1 == s.when.runs.size()) {
      report_dir = std::make_unique<report::ReportDirReporter>(p.report_dir);
      reporters.add(report_dir.get());
    }

    PipelineStackRequest preq{p.template_path, s.given.region, "", s.given.parameters};
    auto deployed = deploy_pipeline_stack(aws, preq);
    if (!deployed) {
      out.error = deployed.error();
      return out;
    }
    const model::Pipeline& pipeline = deployed->pipeline;
    for (const auto& st : pipeline.stages)
      for (const auto& a : st.actions) regions.insert(effective_region(a, s.given.region));

    std::string branch = trigger.branch.empty() ? p.first_branch : trigger.branch;
    std::string commit = trigger.commit;
    std::string trigger_type = "StartPipelineExecution";
    if (!trigger.webhook.empty()) {
      auto decision = webhook_decision(p.template_path, pipeline, trigger);
      if (!decision.start) {
        out.note = decision.reason;  // nothing started, as on AWS: the delivery is ignored
        return out;
      }
      trigger_type = "Webhook";
      if (!decision.branch.empty()) branch = decision.branch;
      if (!decision.commit.empty()) commit = decision.commit;
    } else {
      // A push starts the pipeline only when a source action tracks that branch.
      auto tracked = tracked_branches(pipeline);
      if (commit.empty() && !tracked.empty() &&
          std::find(tracked.begin(), tracked.end(), branch) == tracked.end()) {
        out.note = fmt::format("push to {}: no source action tracks that branch (they track {})", branch,
                               text::join(tracked, ", "));
        return out;
      }
    }

    RunOptions options;
    options.pipeline_region = s.given.region;
    options.template_path = p.template_path;
    options.trigger.type = trigger_type;
    options.trigger.detail = "pipemu scenario " + s.name;
    options.trigger.repository = p.repo_dir;
    options.trigger.branch = branch;
    options.trigger.commit = commit;
    options.preamble_stacks = {deployed->stack};
    options.work_root = (fs::path(p.root) / "work").string();

    std::unique_ptr<LoopbackFakes> server;
    build::ExecutorChoice executor;
    if (has_provider(pipeline, "CodeBuild")) {
      server = std::make_unique<LoopbackFakes>(aws.registry());
      auto choice = build::choose_executor(s.given.executor);
      if (!choice) {
        out.error = choice.error();
        return out;
      }
      executor = std::move(*choice);
    }
    SourceAction source({p.repo_dir, branch, commit, false});
    CodeBuildSettings cb;
    cb.account = aws.account();
    cb.find_project = [&](const std::string& r, const std::string& name)
        -> Expected<model::CodeBuildProject, std::string> {
      auto it = deployed->projects.find({r, name});
      if (it == deployed->projects.end())
        return unexpected(fmt::format("Project cannot be found: arn:aws:codebuild:{}:{}:project/{}", r,
                                      aws.account(), name));
      return it->second;
    };
    cb.executor = executor.executor.get();
    if (server) cb.fakes.url = server->url();
    cb.parameters = [&](const std::string& r) { return build::ssm_lookup(aws.ssm(), aws.account(), r); };
    cb.cache_root = (fs::path(p.root) / "cache").string();
    CodeBuildAction codebuild(cb);
    CloudFormationAction cloudformation(aws.cloudformation(), aws.account());
    S3DeployAction s3deploy(aws.s3(), aws.account());
    const When& when = s.when;
    ApprovalAction approval(ApprovalPolicy::Ask,
                            [&when](const std::string& prompt) { return approval_answer(when, prompt); });
    StandardExecutors executors;
    executors.add("Source", "ThirdParty", "GitHub", &source);
    executors.add("Source", "AWS", "CodeCommit", &source);
    executors.add("Source", "AWS", "CodeStarSourceConnection", &source);
    executors.add("Build", "AWS", "CodeBuild", &codebuild);
    executors.add("Test", "AWS", "CodeBuild", &codebuild);
    executors.add("Deploy", "AWS", "CloudFormation", &cloudformation);
    executors.add("Deploy", "AWS", "S3", &s3deploy);
    executors.add("Approval", "AWS", "Manual", &approval);

    S3ObjectStore objects(aws.s3(), aws.account());
    ArtifactStore artifacts(pipeline, s.given.region, objects, ids);
    SchedulerPorts ports{clock, ids, executors, artifacts, reporters};
    out.record = run_pipeline(pipeline, options, ports);
    out.started = true;
    return out;
  }
};

}  // namespace

std::unique_ptr<Driver> make_engine_driver() { return std::make_unique<EngineDriver>(); }

}  // namespace pipemu::scenario
