#include <catch2/catch.hpp>

#include <filesystem>
#include <mutex>
#include <set>

#include "../../support/run_command.hpp"
#include "scenario/runner.hpp"
#include "scenario_support.hpp"

using namespace pipemu;
using namespace pipemu::scenario;
using V = ScenarioResult::Verdict;
namespace fs = std::filesystem;

namespace {

// Succeeds every run and records which workspaces it saw.
class ScriptedDriver final : public Driver {
 public:
  Outcome run(const Prepared& p) override {
    {
      std::lock_guard lock(mutex);
      roots.insert(p.root);
      CHECK(fs::is_directory(p.repo_dir + "/.git"));
    }
    Outcome o;
    o.started = true;
    o.record.status = engine::Status::Succeeded;
    o.record.stages = {{"Source", engine::Status::Succeeded, 1, 2, {test::action("source", engine::Status::Succeeded, 1, 2)}},
                       {"Build", engine::Status::Succeeded, 3, 4, {test::action("build", engine::Status::Succeeded, 3, 4)}}};
    return o;
  }
  std::mutex mutex;
  std::set<std::string> roots;
};

void suite(const test::TempFolder& dir) {
  dir.write("s/pipeline.yaml", test::kPipelineYaml);
  for (auto name : {"ok-1", "ok-2", "ok-3"})
    dir.write(std::string("s/") + name + "/scenario.yaml",
              "given: {pipeline: //pipeline.yaml}\nthen: {status: Succeeded, actions: {build: Succeeded}}\n");
  dir.write("s/wrong/scenario.yaml",
            "given: {pipeline: //pipeline.yaml}\nthen:\n  status: Failed\n");
  dir.write("s/broken/scenario.yaml",
            "given: {pipeline: //pipeline.yaml}\nthen:\n  actions: {buidl: Failed}\n");
}

}  // namespace

TEST_CASE("run_suite runs every scenario isolated, in parallel, and reports broken ones as errors") {
  test::TempFolder dir;
  suite(dir);
  auto entries = discover({(dir.path / "s").string()});
  REQUIRE(entries);
  REQUIRE(entries->size() == 5);
  ScriptedDriver driver;
  std::vector<std::string> lines;
  RunnerOptions options;
  options.jobs = 2;
  options.report_dir = (dir.path / "reports").string();
  auto results = run_suite(*entries, options, driver, [&](const ScenarioResult& r) { lines.push_back(r.name); });
  REQUIRE(results.size() == 5);
  CHECK(lines.size() == 5);
  std::map<std::string, V> verdicts;
  for (const auto& r : results) verdicts[r.name] = r.verdict;
  CHECK(verdicts == std::map<std::string, V>{{"broken", V::Error}, {"ok-1", V::Passed}, {"ok-2", V::Passed},
                                             {"ok-3", V::Passed}, {"wrong", V::Failed}});
  CHECK(driver.roots.size() == 4);  // one private workspace per scenario that ran
  for (const auto& root : driver.roots) CHECK_FALSE(fs::exists(root));  // and removed after
  const auto& broken = results[0];
  CHECK(broken.name == "broken");
  CHECK(broken.error.find("scenario.yaml:3:13: error: unknown action 'buidl' in this scenario's pipeline") != std::string::npos);
  CHECK(broken.error.find("did you mean 'build'?") != std::string::npos);
  const auto& wrong = results[4];
  REQUIRE(wrong.failures.size() == 1);
  CHECK(wrong.failures[0].find("expected: Failed\n  actual:   Succeeded\n") != std::string::npos);
  CHECK(summary_line(results, 2345) == "3 passed, 2 failed (1 could not run) in 2.3 s");
  CHECK(fs::exists(dir.path / "reports/wrong/result.txt"));
  CHECK(fs::exists(dir.path / "reports/ok-1/run.json"));
}

TEST_CASE("pipemu scenario new scaffolds a folder; run on a broken scenario reports it and goes on") {
  test::TempFolder dir;
  auto made = test::run_command(test::pipemu_cmd("scenario new my-case --dir " + (dir.path / "s").string()));
  CHECK(made.exit_code == 0);
  CHECK(made.output.find("created " + (dir.path / "s/my-case").string()) != std::string::npos);
  CHECK(fs::exists(dir.path / "s/my-case/scenario.yaml"));
  CHECK(fs::exists(dir.path / "s/my-case/repo/buildspec.yml"));
  auto again = test::run_command(test::pipemu_cmd("scenario new my-case --dir " + (dir.path / "s").string()));
  CHECK(again.exit_code == 1);
  auto bad_name = test::run_command(test::pipemu_cmd("scenario new My_Case --dir " + (dir.path / "s").string()));
  CHECK(bad_name.exit_code == 1);
  dir.write("s/aaa-broken/scenario.yaml", "given: {pipeline: x.yaml}\nthen: {status: Succeeded}\n");
  auto run = test::run_command(test::pipemu_cmd("scenario run " + (dir.path / "s").string() +
                                                " --filter 'aaa-*' --junit " + (dir.path / "j.xml").string()));
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("ERROR aaa-broken") != std::string::npos);
  CHECK(run.output.find("pipeline template 'x.yaml' does not exist") != std::string::npos);
  CHECK(run.output.find("0 passed, 1 failed (1 could not run)") != std::string::npos);
  CHECK(fs::exists(dir.path / "j.xml"));
  auto shard = test::run_command(test::pipemu_cmd("scenario run " + (dir.path / "s").string() + " --shard 3/2"));
  CHECK(shard.exit_code == 2);
}

TEST_CASE("a pending scenario is reported with its reason and neither runs nor fails the suite") {
  test::TempFolder dir;
  dir.write("s/pipeline.yaml", test::kPipelineYaml);
  dir.write("s/gap/scenario.yaml",
            "pending: the fake cannot do this yet\ngiven: {pipeline: //pipeline.yaml}\n"
            "then: {status: Succeeded}\n");
  dir.write("s/ok/scenario.yaml", "given: {pipeline: //pipeline.yaml}\nthen: {status: Succeeded}\n");
  auto entries = discover({(dir.path / "s").string()});
  REQUIRE(entries);
  ScriptedDriver driver;
  auto results = run_suite(*entries, RunnerOptions{}, driver, nullptr);
  REQUIRE(results.size() == 2);
  CHECK(results[0].verdict == V::Pending);
  CHECK(driver.roots.size() == 1);  // only `ok` ran
  CHECK(result_line(results[0]) == "PEND  gap - known gap: the fake cannot do this yet");
  CHECK(summary_line(results, 1000) == "1 passed, 0 failed, 1 pending in 1.0 s");
}
