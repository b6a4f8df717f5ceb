// `pipemu scenario run [PATHS...] [-j N] [--shard I/N] [--filter GLOB] [--junit FILE] [--report DIR]`
// and `pipemu scenario new NAME [--dir DIR]`: the scenario regression suite (emulator/scenario).
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/interrupt.hpp"
#include "scenario/engine_driver.hpp"
#include "scenario/junit.hpp"
#include "scenario/runner.hpp"
#include "scenario/scaffold.hpp"
#include "scenario/suite.hpp"

namespace pipemu::cli {
namespace {

struct RunArgs {
  std::vector<std::string> paths;
  int jobs = 1;
  std::string shard = "1/1";
  std::string filter;
  std::string junit;
  std::string report;
  bool keep = false;
  bool list = false;
  std::string executor;
  scenario::EngineDriverOptions engine;
};

long long epoch_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int run_scenarios(const RunArgs& args) {
  auto shard = scenario::parse_shard(args.shard);
  if (!shard) {
    std::cerr << "pipemu: error: " << shard.error() << "\n";
    return kUsage;
  }
  if (args.jobs < 1) {
    std::cerr << "pipemu: error: -j must be at least 1\n";
    return kUsage;
  }
  auto all = scenario::discover(args.paths.empty() ? std::vector<std::string>{"scenarios"} : args.paths);
  if (!all) {
    std::cerr << "pipemu: error: " << all.error() << "\n";
    return kUsage;
  }
  auto entries = scenario::select(*all, *shard, args.filter);
  if (args.list) {  // what this shard/filter would run, one name per line (CI matrix checks)
    for (const auto& e : entries) std::cout << e.name << "\n";
    return kOk;
  }
  std::cout << fmt::format("running {} of {} scenarios (shard {}/{}{}) with -j {}\n", entries.size(),
                           all->size(), shard->index, shard->count,
                           args.filter.empty() ? "" : ", filter " + args.filter, args.jobs);
  std::cout.flush();
  scenario::EngineDriverOptions engine = args.engine;
  // One write per line on stderr: scenarios run side by side, and stdout has their results.
  engine.say = [](const std::string& name, const std::string& line) {
    std::string text = fmt::format("scenario {}: {}\n", name, line);
    std::fwrite(text.data(), 1, text.size(), stderr);
  };
  auto driver = scenario::make_engine_driver(engine);
  scenario::RunnerOptions options;
  options.jobs = args.jobs;
  options.report_dir = args.report;
  options.keep_workspaces = args.keep;
  options.executor = args.executor;
  long long started = epoch_ms();
  auto results = scenario::run_suite(entries, options, *driver, [](const scenario::ScenarioResult& r) {
    std::cout << scenario::result_line(r) << "\n" << scenario::result_details(r);
    std::cout.flush();
  });
  long long wall = epoch_ms() - started;
  std::cout << scenario::summary_line(results, wall) << "\n";
  if (!args.junit.empty()) {
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    std::ofstream out(args.junit);
    out << scenario::junit_xml(results, started, host);
    if (!out) {
      std::cerr << "pipemu: error: cannot write " << args.junit << "\n";
      return kFailed;
    }
  }
  for (const auto& r : results)
    if (r.verdict == scenario::ScenarioResult::Verdict::Failed ||
        r.verdict == scenario::ScenarioResult::Verdict::Error)
      return kFailed;
  return kOk;
}

}  // namespace

std::function<int()> setup_scenario(CLI::App& app) {
  app.require_subcommand(1);
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Run scenarios (folders with a scenario.yaml), each isolated");
  run->add_option("paths", args->paths, "Scenario folders, scenario.yaml files or suite folders (default: scenarios)");
  run->add_option("-j,--jobs", args->jobs, "Scenarios run at the same time");
  run->add_option("--shard", args->shard, "Run shard I of N (e.g. 2/4): the suite's sorted scenarios at positions p with p % N == I-1");
  run->add_option("--filter", args->filter, "Only scenarios whose name matches this glob (comma-separated globs: any)");
  run->add_option("--junit", args->junit, "Write JUnit XML for CI to this file");
  run->add_option("--report", args->report, "Write a report per scenario under this folder");
  run->add_option("--executor", args->executor, "Run every scenario's builds here, whatever it says (local, docker, auto)")
      ->check(CLI::IsMember({"local", "docker", "auto"}));
  add_engine_options(*run, args->engine.engine_files, args->engine.fakes_host);
  run->add_flag("--list", args->list, "Print the scenarios this shard and filter select, without running them");
  run->add_flag("--keep", args->keep, "Keep each scenario's temp workspace (state dir, repo) for debugging");
  auto name = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>("scenarios");
  auto* make = app.add_subcommand("new", "Scaffold a scenario folder that passes as written");
  make->add_option("name", *name, "The scenario's name (a-z, 0-9, -)")->required();
  make->add_option("--dir", *dir, "The suite folder to create it in");
  return [&app, run, make, args, name, dir]() -> int {
    (void)app;
    if (run->parsed()) {
      clean_up_builds_on_interrupt("scenario run");
      return run_scenarios(*args);
    }
    if (make->parsed()) {
      auto made = scenario::scaffold(*dir, *name);
      if (!made) {
        std::cerr << "pipemu: error: " << made.error() << "\n";
        return kFailed;
      }
      std::cout << fmt::format("created {}\nrun it: pipemu scenario run {}\n", *made, *made);
      return kOk;
    }
    return kUsage;
  };
}

}  // namespace pipemu::cli
