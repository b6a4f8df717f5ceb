#include "cli/run_session.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <fmt/format.h>

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
#include "engine/history/history.hpp"
#include "engine/pipeline_stack.hpp"
#include "engine/scheduler.hpp"
#include "fakes/server/server.hpp"
#include "report/json_lines.hpp"
#include "report/report_dir.hpp"
#include "report/terminal.hpp"

namespace pipemu::cli {

namespace fs = std::filesystem;
using namespace engine;

namespace {

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

Expected<std::map<std::string, std::string>, std::string> parse_pairs(const std::vector<std::string>& items,
                                                                      const char* flag) {
  std::map<std::string, std::string> out;
  for (const auto& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      return unexpected(fmt::format("{} {}: expected Name=Value", flag, item));
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

std::string default_region() {
  for (const char* v : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* r = std::getenv(v); r && *r) return r;
  return "us-east-1";
}

// Serves the fakes on a loopback port while builds run, so a build's aws CLI reaches them.
class FakesServer {
 public:
  explicit FakesServer(fakes::Registry& registry) {
    server::Options opts;
    opts.port = 0;
    opts.threads = 8;
    server_ = std::make_unique<server::Server>(registry, opts);
    port_ = server_->bind();
    if (port_ > 0) thread_ = std::thread([this] { server_->run(); });
  }
  ~FakesServer() {
    if (port_ > 0) {
      server_->stop();
      thread_.join();
    }
  }
  std::string url() const { return port_ > 0 ? fmt::format("http://127.0.0.1:{}", port_) : ""; }
  std::string error() const { return server_->error(); }

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = -1;
  std::thread thread_;
};

bool pipeline_has(const model::Pipeline& p, const std::string& provider) {
  for (const auto& s : p.stages)
    for (const auto& a : s.actions)
      if (a.type.provider == provider) return true;
  return false;
}

}  // namespace

int run_session(const RunSettings& s) {
  auto t_start = std::chrono::steady_clock::now();
  auto params = parse_pairs(s.params, "--param");
  if (!params) return std::cerr << "pipemu run: " << params.error() << "\n", kUsage;
  auto bootstraps = parse_pairs(s.bootstraps, "--bootstrap");
  if (!bootstraps) return std::cerr << "pipemu run: " << bootstraps.error() << "\n", kUsage;
  if (!fs::exists(s.template_path))
    return std::cerr << fmt::format("pipemu run: {}: no such file\n", s.template_path), kUsage;
  std::string region = s.region.empty() ? default_region() : s.region;
  fs::path state = s.state_dir.empty() ? fs::path(".pipemu/state") : fs::path(s.state_dir);
  std::error_code ec;
  fs::create_directories(state, ec);

  build::ImageMap images = build::ImageMap::defaults();
  for (const auto& m : s.images)
    if (auto r = images.add(m, "--image"); !r) return std::cerr << "pipemu run: " << r.error() << "\n", kUsage;

  auto history = History::open(state.string());
  if (!history) return std::cerr << "pipemu run: " << history.error() << "\n", kFailed;
  std::unique_ptr<LocalAws> aws;
  try {
    aws = std::make_unique<LocalAws>(state);
  } catch (const std::exception& e) {
    return std::cerr << fmt::format("pipemu run: cannot open the state in {}: {}\n", state.string(), e.what()), kFailed;
  }

  // Reporters: the terminal (or JSON lines), report files, history.
  FanOutReporter reporters;
  std::unique_ptr<report::TerminalReporter> terminal;
  std::unique_ptr<report::JsonLinesReporter> json;
  if (s.json) {
    json = std::make_unique<report::JsonLinesReporter>(std::cout);
    reporters.add(json.get());
  } else {
    auto topt = report::detect_terminal(STDOUT_FILENO, s.quiet);
    topt.show_logs = s.show_logs;
    if (topt.live) topt.refresh_ms = 250;
    terminal = std::make_unique<report::TerminalReporter>(std::cout, topt);
    reporters.add(terminal.get());
  }
  std::unique_ptr<report::ReportDirReporter> report_dir;
  if (!s.report_dir.empty()) {
    report_dir = std::make_unique<report::ReportDirReporter>(s.report_dir);
    reporters.add(report_dir.get());
  }
  HistoryReporter history_reporter(**history);
  reporters.add(&history_reporter);

  SystemClock clock;
  RandomIds ids;
  auto notice = [&](Notice::Level level, const std::string& text) {
    reporters.on_event(Notice{level, text, clock.now()});
  };
  for (const auto& row : (*history)->recover_interrupted(clock.now()))
    notice(Notice::Level::Warning,
           fmt::format("execution {} of {} was interrupted (the pipemu process ended during it); marked Failed",
                       row.execution_id, row.pipeline_name));

  RunOptions options;
  options.pipeline_region = region;
  options.template_path = s.template_path;
  options.execution_id = s.execution_id;
  options.trigger.type = s.trigger_type.empty() ? "StartPipelineExecution" : s.trigger_type;
  options.trigger.detail = s.trigger_detail.empty() ? "pipemu run" : s.trigger_detail;
  options.trigger.repository = s.repo;
  options.trigger.branch = s.branch;
  options.trigger.commit = s.commit;
  auto fail_start = [&](const std::string& reason) {
    report_failed_start(fs::path(s.template_path).stem().string(), options, clock, ids, reporters, reason);
    if (s.json) std::cerr << reason << "\n";
    return kFailed;
  };

  for (const auto& [breg, file] : *bootstraps) {
    PipelineStackRequest b{file, breg, default_stack_name(file) + "-bootstrap", {}};
    auto r = deploy_template_stack(*aws, b);
    if (!r) return fail_start(r.error());
    notice(Notice::Level::Info, "bootstrap " + r->note);
  }
  PipelineStackRequest preq{s.template_path, region, s.stack_name, *params};
  auto deployed = deploy_pipeline_stack(*aws, preq);
  if (!deployed) return fail_start(deployed.error());
  for (const auto& n : deployed->notes) notice(Notice::Level::Info, n);
  const model::Pipeline& pipeline = deployed->pipeline;
  options.preamble_stacks = {deployed->stack};

  // Builds: the executor, the loopback endpoint, SSM lookups, the projects the stack created.
  std::unique_ptr<FakesServer> server;
  build::ExecutorChoice executor;
  std::string executor_error;
  bool builds = pipeline_has(pipeline, "CodeBuild");
  if (builds) {
    server = std::make_unique<FakesServer>(aws->registry());
    if (server->url().empty())
      notice(Notice::Level::Warning, "cannot serve the fakes for builds: " + server->error());
    else
      notice(Notice::Level::Info, "fakes served for builds at " + server->url());
    auto choice = build::choose_executor(s.executor);
    if (choice) {
      executor = std::move(*choice);
      if (!executor.note.empty()) notice(Notice::Level::Info, executor.note);
    } else {
      executor_error = choice.error();
      notice(Notice::Level::Warning, executor_error);
    }
  }

  SourceAction source({s.repo, s.branch, s.commit, s.worktree});
  CodeBuildSettings cb;
  cb.account = aws->account();
  cb.find_project = [&](const std::string& r, const std::string& name)
      -> Expected<model::CodeBuildProject, std::string> {
    auto it = deployed->projects.find({r, name});
    if (it == deployed->projects.end())
      return unexpected(fmt::format("Project cannot be found: arn:aws:codebuild:{}:{}:project/{}", r,
                                    aws->account(), name));
    return it->second;
  };
  cb.executor = executor.executor.get();
  if (server) cb.fakes.url = server->url();
  cb.images = images;
  cb.parameters = [&](const std::string& r) { return build::ssm_lookup(aws->ssm(), aws->account(), r); };
  cb.cache_root = (state / "cache").string();
  CodeBuildAction codebuild(cb);
  CloudFormationAction cloudformation(aws->cloudformation(), aws->account());
  S3DeployAction s3deploy(aws->s3(), aws->account());
  ApprovalPolicy policy = s.approve == "none" ? ApprovalPolicy::None
                          : s.approve == "ask" ? ApprovalPolicy::Ask : ApprovalPolicy::All;
  ApprovalAction approval(policy, [](const std::string& prompt) -> std::optional<std::string> {
    if (!isatty(STDIN_FILENO)) return std::nullopt;
    std::cerr << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  });
  StandardExecutors executors;
  executors.add("Source", "ThirdParty", "GitHub", &source);
  executors.add("Source", "AWS", "CodeCommit", &source);
  executors.add("Source", "AWS", "CodeStarSourceConnection", &source);
  executors.add("Build", "AWS", "CodeBuild", &codebuild);
  executors.add("Test", "AWS", "CodeBuild", &codebuild);
  executors.add("Deploy", "AWS", "CloudFormation", &cloudformation);
  executors.add("Deploy", "AWS", "S3", &s3deploy);
  executors.add("Approval", "AWS", "Manual", &approval);

  S3ObjectStore objects(aws->s3(), aws->account());
  ArtifactStore artifacts(pipeline, region, objects, ids);
  options.work_root = (state / "work").string();
  SchedulerPorts ports{clock, ids, executors, artifacts, reporters};
  RunRecord record = run_pipeline(pipeline, options, ports);
  fs::remove_all(fs::path(options.work_root) / record.execution_id, ec);

  if (report_dir && !report_dir->error().empty())
    std::cerr << "pipemu run: " << report_dir->error() << "\n";
  else if (report_dir && !s.json && !s.quiet)
    std::cout << fmt::format("Reports: {}\n", (fs::path(s.report_dir) / report::kReportHtml).string());
  if (std::getenv("PIPEMU_TIMING")) {
    auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t_start).count();
    std::cerr << fmt::format("pipemu-timing wall_ms={} build_ms={} overhead_ms={}\n", wall,
                             codebuild.build_ms(), wall - codebuild.build_ms());
  }
  return record.status == Status::Succeeded ? kOk : kFailed;
}

}  // namespace pipemu::cli
