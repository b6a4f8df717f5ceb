#pragma once
// Runs a list of scenarios, each isolated in its own workspace, up to `jobs` at a time, and
// reports each result as it finishes. A scenario that cannot be parsed or names things its
// pipeline lacks is an Error result; the others still run.
#include <functional>
#include <string>
#include <vector>

#include "scenario/driver.hpp"
#include "scenario/result.hpp"
#include "scenario/suite.hpp"

namespace pipemu::scenario {

struct RunnerOptions {
  int jobs = 1;
  std::string report_dir;  // "" = none; else <report_dir>/<scenario name>/
  bool keep_workspaces = false;
  std::string executor;  // "" = each scenario's given.executor; else local | docker | auto for all
};

// Called once per scenario, from worker threads but never concurrently.
using ResultSink = std::function<void(const ScenarioResult&)>;

// Results in suite order.
std::vector<ScenarioResult> run_suite(const std::vector<SuiteEntry>& entries, const RunnerOptions& options,
                                      Driver& driver, const ResultSink& sink);

// One scenario, start to end (parse, check, prepare, run, evaluate).
ScenarioResult run_one(const SuiteEntry& entry, const RunnerOptions& options, Driver& driver);

// "PASS  name  (1.2 s)" / "FAIL  name  (0.8 s)" / "ERROR name" and, below a failure, the details.
std::string result_line(const ScenarioResult& r);
std::string result_details(const ScenarioResult& r);
// "12 passed, 1 failed, 1 error in 8.3 s"
std::string summary_line(const std::vector<ScenarioResult>& results, long long wall_ms);

}  // namespace pipemu::scenario
