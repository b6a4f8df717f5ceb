#include "engine/session/session.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "build/project_build.hpp"
#include "build/ssm_parameters.hpp"
#include "engine/actions/cloudformation_action.hpp"
#include "engine/actions/codebuild_action.hpp"
#include "engine/actions/executor_set.hpp"
#include "engine/actions/s3_deploy_action.hpp"
#include "engine/actions/s3_object_store.hpp"
#include "engine/actions/source_action.hpp"
#include "engine/artifact_store.hpp"
#include "engine/pipeline_stack.hpp"
#include "engine/scheduler.hpp"
#include "engine/session/action_types.hpp"
#include "engine/session/loopback_fakes.hpp"

namespace pipemu::engine {

namespace fs = std::filesystem;

namespace {

class NullReporter final : public Reporter {
 public:
  void on_event(const Event&) override {}
};

bool pipeline_has(const model::Pipeline& p, const std::string& provider) {
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      if (a.type.provider == provider) return true;
  return false;
}

// Without an `ask` hook, Ask rejects (as with no terminal).
std::optional<std::string> no_answer(const std::string&) { return std::nullopt; }

// The executors of one run. Each lives as long as the run; the table points at them.
struct Executors {
  Executors(LocalAws& aws, SourceSettings source_settings, CodeBuildSettings cb, const SessionHooks& hooks)
      : source(std::move(source_settings)),
        codebuild(std::move(cb)),
        cloudformation(aws.cloudformation(), aws.account()),
        s3deploy(aws.s3(), aws.account()),
        approval(hooks.approve, hooks.ask ? hooks.ask : no_answer) {
    for (const auto& t : emulated_action_types()) table.add(t.category, t.owner, t.provider, runner(t.runner));
  }
  ActionExecutor* runner(ActionRunner r) {
    switch (r) {
      case ActionRunner::Source: return &source;
      case ActionRunner::CodeBuild: return &codebuild;
      case ActionRunner::CloudFormation: return &cloudformation;
      case ActionRunner::S3Deploy: return &s3deploy;
      case ActionRunner::Approval: return &approval;
    }
    return nullptr;
  }
  SourceAction source;
  CodeBuildAction codebuild;
  CloudFormationAction cloudformation;
  S3DeployAction s3deploy;
  ApprovalAction approval;
  StandardExecutors table;
};

}  // namespace

SessionResult run_session(LocalAws& aws, const SessionSettings& s, const SessionHooks& hooks) {
  SessionResult out;
  NullReporter null_reporter;
  SystemClock system_clock;
  RandomIds random_ids;
  Reporter& reporter = hooks.reporter ? *hooks.reporter : null_reporter;
  Clock& clock = hooks.clock ? *hooks.clock : system_clock;
  IdSource& ids = hooks.ids ? *hooks.ids : random_ids;
  auto notice = [&](Notice::Level level, const std::string& text) {
    reporter.on_event(Notice{level, text, clock.now()});
  };

  RunOptions options;
  options.pipeline_region = s.region;
  options.template_path = s.template_path;
  options.trigger = s.trigger;
  options.execution_id = s.execution_id;
  options.work_root = s.work_root;
  auto fail_start = [&](const std::string& reason) {
    out.error = reason;
    if (s.report_failed_start) {
      out.record = report_failed_start(fs::path(s.template_path).stem().string(), options, clock, ids,
                                       reporter, reason);
      out.reported = true;
    }
    return out;
  };

  for (const auto& [region, file] : s.bootstraps) {
    PipelineStackRequest b{file, region, default_stack_name(file) + "-bootstrap", {}};
    auto r = deploy_template_stack(aws, b);
    if (!r) return fail_start(r.error());
    notice(Notice::Level::Info, "bootstrap " + r->note);
  }
  PipelineStackRequest preq{s.template_path, s.region, s.stack_name, s.parameters};
  auto deployed = deploy_pipeline_stack(aws, preq);
  if (!deployed) return fail_start(deployed.error());
  for (const auto& n : deployed->notes) notice(Notice::Level::Info, n);
  const model::Pipeline& pipeline = deployed->pipeline;
  out.pipeline = pipeline;
  options.preamble_stacks = {deployed->stack};

  if (hooks.decide_start) {
    StartDecision d = hooks.decide_start(pipeline);
    if (!d.start) {
      out.note = d.reason;  // nothing starts, as on AWS: not an error
      return out;
    }
    if (!d.trigger_type.empty()) options.trigger.type = d.trigger_type;
    if (!d.branch.empty()) options.trigger.branch = d.branch;
    if (!d.commit.empty()) options.trigger.commit = d.commit;
  }

  // Builds: the loopback endpoint for their aws CLI, and the executor they run in.
  std::unique_ptr<LoopbackFakes> server;
  build::ExecutorChoice executor;
  if (pipeline_has(pipeline, "CodeBuild")) {
    server = std::make_unique<LoopbackFakes>(aws.registry(), s.server_threads,
                                             aws.shared_cloudformation(), s.fakes_host);
    if (server->url().empty())
      notice(Notice::Level::Warning, "cannot serve the fakes for builds: " + server->error());
    else
      notice(Notice::Level::Info, "fakes served for builds at " + server->url());
    if (!hooks.executor) {
      auto choice = build::choose_executor(s.executor, s.engine_files);
      if (choice) {
        executor = std::move(*choice);
        if (!executor.note.empty()) notice(Notice::Level::Info, executor.note);
        if (!executor.stale_note.empty()) notice(Notice::Level::Info, executor.stale_note);
        out.stale_note = executor.stale_note;
        if (auto reach = build::fakes_reachability_note(executor, s.fakes_host); !reach.empty())
          notice(executor.remote_engine && s.fakes_host.empty() ? Notice::Level::Warning : Notice::Level::Info, reach);
      } else if (s.executor_required) {
        out.error = choice.error();
        return out;
      } else {
        notice(Notice::Level::Warning, choice.error());
      }
    }
  }

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
  cb.executor = hooks.executor ? hooks.executor : executor.executor.get();
  if (server) cb.fakes.url = server->url();
  cb.images = s.images;
  cb.parameters = [&](const std::string& r) { return build::ssm_lookup(aws.ssm(), aws.account(), r); };
  cb.cache_root = s.cache_root;
  cb.timeouts = s.build_timeouts;
  SourceSettings source{options.trigger.repository, options.trigger.branch, options.trigger.commit,
                        s.worktree};
  Executors executors(aws, std::move(source), std::move(cb), hooks);

  S3ObjectStore objects(aws.s3(), aws.account());
  ArtifactStore artifacts(pipeline, s.region, objects, ids);
  SchedulerPorts ports{clock, ids, executors.table, artifacts, reporter};
  out.record = run_pipeline(pipeline, options, ports);
  out.started = true;
  out.build_ms = executors.codebuild.build_ms();
  if (!s.keep_work && !s.work_root.empty()) {
    std::error_code ec;
    fs::remove_all(fs::path(s.work_root) / out.record.execution_id, ec);
  }
  return out;
}

}  // namespace pipemu::engine
