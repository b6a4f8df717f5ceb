#include "cli/run_session.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "cli/interrupt.hpp"
#include "engine/actions/local_aws.hpp"
#include "engine/history/history.hpp"
#include "engine/session/session.hpp"
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

// Passes events on until Ctrl-C or SIGTERM (cli/interrupt.hpp). After it the builds are torn down
// under the engine, and their failures ("exit status 137") are not the run's result: nothing is
// reported or recorded any more, history keeps the execution InProgress, and the next run reports
// it as interrupted.
class UntilInterrupted final : public Reporter {
 public:
  explicit UntilInterrupted(Reporter& next) : next_(next) {}
  void on_event(const Event& e) override {
    if (!interrupted()) next_.on_event(e);
  }

 private:
  Reporter& next_;
};

std::string default_region() {
  for (const char* v : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* r = std::getenv(v); r && *r) return r;
  return "us-east-1";
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
  auto notice = [&](Notice::Level level, const std::string& text) {
    reporters.on_event(Notice{level, text, clock.now()});
  };
  for (const auto& row : (*history)->recover_interrupted(clock.now())) {
    notice(Notice::Level::Warning,
           fmt::format("execution {} of {} was interrupted (the pipemu process ended during it); marked Failed",
                       row.execution_id, row.pipeline_name));
    // The process that died left the execution's work directory (sources, artifacts) behind.
    const std::string& id = row.execution_id;
    if (!id.empty() && id != "." && id != ".." && fs::path(id).filename() == id) {
      std::error_code ignored;
      fs::remove_all(state / "work" / id, ignored);
    }
  }

  SessionSettings settings;
  settings.template_path = s.template_path;
  settings.region = region;
  settings.stack_name = s.stack_name;
  settings.parameters = *params;
  settings.bootstraps.assign(bootstraps->begin(), bootstraps->end());
  settings.trigger.type = s.trigger_type.empty() ? "StartPipelineExecution" : s.trigger_type;
  settings.trigger.detail = s.trigger_detail.empty() ? "pipemu run" : s.trigger_detail;
  settings.execution_id = s.execution_id;
  settings.trigger.repository = s.repo;
  settings.trigger.branch = s.branch;
  settings.trigger.commit = s.commit;
  settings.worktree = s.worktree;
  settings.executor = s.executor;
  settings.engine_files = s.engine_files;
  settings.fakes_host = s.fakes_host;
  settings.images = images;
  settings.work_root = (state / "work").string();
  settings.cache_root = (state / "cache").string();
  SessionHooks hooks;
  UntilInterrupted until_interrupted(reporters);
  hooks.reporter = &until_interrupted;
  hooks.clock = &clock;
  hooks.approve = s.approve == "none" ? ApprovalPolicy::None
                  : s.approve == "ask" ? ApprovalPolicy::Ask : ApprovalPolicy::All;
  hooks.ask = [](const std::string& prompt) -> std::optional<std::string> {
    if (!isatty(STDIN_FILENO)) return std::nullopt;
    std::cerr << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  };
  SessionResult result = engine::run_session(*aws, settings, hooks);
  if (!result.started) {
    if (s.json || !result.reported) std::cerr << (result.reported ? "" : "pipemu run: ") << result.error << "\n";
    return kFailed;
  }
  const RunRecord& record = result.record;

  if (report_dir && !report_dir->error().empty())
    std::cerr << "pipemu run: " << report_dir->error() << "\n";
  else if (report_dir && !s.json && !s.quiet)
    std::cout << fmt::format("Reports: {}\n", (fs::path(s.report_dir) / report::kReportHtml).string());
  if (std::getenv("PIPEMU_TIMING")) {
    auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t_start).count();
    std::cerr << fmt::format("pipemu-timing wall_ms={} build_ms={} overhead_ms={}\n", wall,
                             result.build_ms, wall - result.build_ms);
  }
  return record.status == Status::Succeeded ? kOk : kFailed;
}

}  // namespace pipemu::cli
