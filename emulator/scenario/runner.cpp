#include "scenario/runner.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "engine/run_record_json.hpp"
#include "scenario/expect.hpp"
#include "scenario/parse.hpp"
#include "scenario/pipeline_names.hpp"
#include "scenario/workspace.hpp"

namespace pipemu::scenario {

namespace fs = std::filesystem;
using Verdict = ScenarioResult::Verdict;

namespace {

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string one_line_summary(const Outcome& o) {
  if (!o.started) {
    if (!o.error.empty()) return "stopped before the execution: " + o.error.substr(0, o.error.find('\n'));
    return o.note.empty() ? "no execution started" : "no execution started: " + o.note;
  }
  std::string s(engine::to_string(o.record.status));
  if (!o.record.status_summary.empty()) s += ": " + o.record.status_summary;
  return s;
}

void write_report(const ScenarioResult& r, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream txt(fs::path(dir) / "result.txt");
  txt << result_line(r) << "\n" << result_details(r);
  if (!r.description.empty()) txt << "\n" << r.description << "\n";
  if (r.outcome.started) {
    std::ofstream json(fs::path(dir) / "run.json");
    json << engine::to_json(r.outcome.record).dump(2) << "\n";
  }
}

}  // namespace

ScenarioResult run_one(const SuiteEntry& entry, const RunnerOptions& options, Driver& driver) {
  ScenarioResult result;
  result.name = entry.name;
  result.file = entry.file;
  long long t0 = now_ms();
  auto finish = [&]() -> ScenarioResult {
    result.ms = now_ms() - t0;
    if (!options.report_dir.empty()) write_report(result, (fs::path(options.report_dir) / result.name).string());
    return result;
  };
  try {
    auto parsed = parse_file(entry.file);
    Scenario& s = parsed.value;
    result.description = s.description;
    if (!options.executor.empty()) s.given.executor = options.executor;
    if (parsed.ok() && !s.given.pipeline.empty())
      check_names(s, pipeline_names(s.given.pipeline, s.given.region), parsed.diagnostics);
    if (!parsed.ok()) {
      result.verdict = Verdict::Error;
      parsed.diagnostics.sort();
      for (const auto& d : parsed.diagnostics.items()) result.error += model::render(d);
      return finish();
    }
    if (!s.pending.empty()) {
      result.verdict = Verdict::Pending;
      result.error = s.pending;
      return finish();
    }
    auto prepared = prepare(s);
    if (!prepared) {
      result.verdict = Verdict::Error;
      result.error = fmt::format("{}: error: {}\n", entry.file, prepared.error());
      return finish();
    }
    if (!options.report_dir.empty())
      prepared->report_dir = (fs::path(options.report_dir) / result.name).string();
    result.outcome = driver.run(*prepared);
    if (!options.keep_workspaces) discard(*prepared);
    result.run_summary = one_line_summary(result.outcome);
    for (const auto& f : evaluate(s, result.outcome)) result.failures.push_back(render(f));
    result.verdict = result.failures.empty() ? Verdict::Passed : Verdict::Failed;
  } catch (const std::exception& e) {
    // A driver or library bug must not take the suite down: this scenario is an error.
    result.verdict = Verdict::Error;
    result.error = fmt::format("{}: error: internal error while running: {}\n", entry.file, e.what());
  }
  return finish();
}

std::vector<ScenarioResult> run_suite(const std::vector<SuiteEntry>& entries, const RunnerOptions& options,
                                      Driver& driver, const ResultSink& sink) {
  std::vector<ScenarioResult> results(entries.size());
  std::atomic<size_t> next{0};
  std::mutex sink_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < entries.size(); i = next++) {
      results[i] = run_one(entries[i], options, driver);
      std::lock_guard lock(sink_mutex);
      if (sink) sink(results[i]);
    }
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(entries.size())));
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return results;
}

std::string result_line(const ScenarioResult& r) {
  const char* word = r.verdict == Verdict::Passed   ? "PASS "
                     : r.verdict == Verdict::Failed  ? "FAIL "
                     : r.verdict == Verdict::Pending ? "PEND "
                                                     : "ERROR";
  if (r.verdict == Verdict::Pending) return fmt::format("{} {} - known gap: {}", word, r.name, r.error);
  std::string line = fmt::format("{} {} ({}.{} s)", word, r.name, r.ms / 1000, (r.ms % 1000) / 100);
  if (!r.run_summary.empty() && r.verdict != Verdict::Error) line += " - run " + r.run_summary.substr(0, r.run_summary.find('\n'));
  return line;
}

std::string result_details(const ScenarioResult& r) {
  std::string out;
  if (r.verdict == Verdict::Error) out += r.error;
  for (const auto& f : r.failures) out += f;
  return out;
}

std::string summary_line(const std::vector<ScenarioResult>& results, long long wall_ms) {
  int passed = 0, failed = 0, errors = 0, pending = 0;
  for (const auto& r : results) {
    passed += r.verdict == Verdict::Passed;
    pending += r.verdict == Verdict::Pending;
    failed += r.verdict == Verdict::Failed || r.verdict == Verdict::Error;
    errors += r.verdict == Verdict::Error;
  }
  std::string s = fmt::format("{} passed, {} failed", passed, failed);
  if (pending) s += fmt::format(", {} pending", pending);
  if (errors) s += fmt::format(" ({} could not run)", errors);
  s += fmt::format(" in {}.{} s", wall_ms / 1000, (wall_ms % 1000) / 100);
  return s;
}

}  // namespace pipemu::scenario
