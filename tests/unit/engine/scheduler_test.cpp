// The scheduler against fakes of every port: ordering, concurrency within a RunOrder, failure
// propagation, regions, variables and timestamps from the injected clock.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/scheduler.hpp"
#include "engine/zip_files.hpp"
#include "engine_fakes_support.hpp"

using namespace pipemu;
using namespace pipemu::engine;
using pipemu::test::make_action;
using pipemu::test::make_pipeline;

namespace {

struct Harness {
  test::StepClock clock;
  RandomIds ids{42};
  test::ScriptedExecutor executor;
  test::OneExecutor executors{executor};
  test::MemoryS3 s3;
  test::RecordingReporter reporter;
  std::string work = (std::filesystem::temp_directory_path() / "pipemu-sched-test").string();

  Harness() {
    s3.bucket_regions = {{"store-eu", "eu-west-1"}, {"store-us", "us-east-1"}, {"store-ap", "ap-southeast-2"}};
  }

  RunRecord run(const model::Pipeline& p) {
    ArtifactStore store(p, "eu-west-1", s3, ids);
    SchedulerPorts ports{clock, ids, executors, store, reporter};
    RunOptions opts;
    opts.pipeline_region = "eu-west-1";
    opts.work_root = work;
    return run_pipeline(p, opts, ports);
  }
};

const std::map<std::string, std::string> kStores = {
    {"eu-west-1", "store-eu"}, {"us-east-1", "store-us"}, {"ap-southeast-2", "store-ap"}};

model::Pipeline three_stage() {
  auto deploy_eu = make_action("DeployEu", "Deploy", "CloudFormation", 1, {"BuildOut"});
  auto deploy_us = make_action("DeployUs", "Deploy", "CloudFormation", 1, {"BuildOut"});
  deploy_us.region = "us-east-1";
  auto deploy_ap = make_action("DeployAp", "Deploy", "CloudFormation", 2, {"BuildOut"});
  deploy_ap.region = "ap-southeast-2";
  return make_pipeline("flagship-pipeline-with-a-long-name",
                       {{"Source", {make_action("Src", "Source", "GitHub", 1, {}, {"SourceOut"})}},
                        {"Build", {make_action("Compile", "Build", "CodeBuild", 1, {"SourceOut"}, {"BuildOut"})}},
                        {"Deploy", {deploy_eu, deploy_us, deploy_ap}}},
                       kStores);
}

size_t index_of(const std::vector<std::string>& v, const std::string& s) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] == s) return i;
  FAIL("event not found: " << s);
  return 0;
}

}  // namespace

TEST_CASE("stages run in order and RunOrder groups ascending", "[scheduler]") {
  Harness h;
  RunRecord r = h.run(three_stage());
  REQUIRE(r.status == Status::Succeeded);
  auto ev = h.reporter.lines();
  CHECK(ev.front() == "ExecutionStarted");
  CHECK(ev.back() == "ExecutionFinished Succeeded");
  CHECK(index_of(ev, "StageFinished Source Succeeded") < index_of(ev, "StageStarted Build"));
  CHECK(index_of(ev, "StageFinished Build Succeeded") < index_of(ev, "StageStarted Deploy"));
  // RunOrder 2 starts only after both RunOrder 1 actions finished.
  CHECK(index_of(ev, "ActionFinished Deploy/DeployEu Succeeded") < index_of(ev, "ActionStarted Deploy/DeployAp"));
  CHECK(index_of(ev, "ActionFinished Deploy/DeployUs Succeeded") < index_of(ev, "ActionStarted Deploy/DeployAp"));
  REQUIRE(r.stages.size() == 3);
  for (const auto& s : r.stages) CHECK(s.status == Status::Succeeded);
  CHECK(r.stage("Deploy")->action("DeployUs")->region == "us-east-1");
  CHECK(r.stage("Deploy")->action("DeployEu")->region == "eu-west-1");
}

TEST_CASE("actions sharing a RunOrder run concurrently", "[scheduler]") {
  Harness h;
  test::Rendezvous both(2);
  std::atomic<int> met{0};
  auto wait_for_peer = [&](const ActionContext&) {
    if (both.arrive_and_wait()) ++met;
    return ActionOutcome{};
  };
  h.executor.scripts["DeployEu"] = wait_for_peer;
  h.executor.scripts["DeployUs"] = wait_for_peer;
  RunRecord r = h.run(three_stage());
  CHECK(met == 2);  // each saw the other running at the same time
  CHECK(r.status == Status::Succeeded);
  auto ev = h.reporter.lines();
  // Both started before either finished.
  auto first_finish = std::min(index_of(ev, "ActionFinished Deploy/DeployEu Succeeded"),
                               index_of(ev, "ActionFinished Deploy/DeployUs Succeeded"));
  CHECK(index_of(ev, "ActionStarted Deploy/DeployEu") < first_finish);
  CHECK(index_of(ev, "ActionStarted Deploy/DeployUs") < first_finish);
}

TEST_CASE("a failed action lets its peers finish and stops later RunOrders and stages",
          "[scheduler]") {
  Harness h;
  std::atomic<bool> peer_finished{false};
  h.executor.scripts["DeployEu"] = [](const ActionContext& ctx) {
    ctx.log("creating stack");
    ctx.log("ROLLBACK_COMPLETE");
    return ActionOutcome::failed("Stack:arn is in ROLLBACK_COMPLETE state and can not be updated.");
  };
  h.executor.scripts["DeployUs"] = [&](const ActionContext&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    peer_finished = true;
    return ActionOutcome{};
  };
  auto p = three_stage();
  p.stages.push_back({"After", {}, {make_action("Later", "Deploy", "CloudFormation", 1, {"BuildOut"})}});
  RunRecord r = h.run(p);
  CHECK(r.status == Status::Failed);
  CHECK(peer_finished);
  const auto* deploy = r.stage("Deploy");
  CHECK(deploy->status == Status::Failed);
  CHECK(deploy->action("DeployEu")->status == Status::Failed);
  CHECK(deploy->action("DeployEu")->error ==
        "Stack:arn is in ROLLBACK_COMPLETE state and can not be updated.");
  CHECK(deploy->action("DeployEu")->log_tail == std::vector<std::string>{"creating stack", "ROLLBACK_COMPLETE"});
  CHECK(deploy->action("DeployUs")->status == Status::Succeeded);
  CHECK(deploy->action("DeployAp")->status == Status::NotStarted);
  CHECK(r.stage("After")->status == Status::NotStarted);
  auto seen = h.executor.seen();
  CHECK(std::find(seen.begin(), seen.end(), "DeployAp") == seen.end());
  CHECK(std::find(seen.begin(), seen.end(), "Later") == seen.end());
  CHECK(r.status_summary ==
        "Action DeployEu in stage Deploy (eu-west-1) failed: Stack:arn is in ROLLBACK_COMPLETE "
        "state and can not be updated.");
  auto ev = h.reporter.lines();
  CHECK(ev.back() == "ExecutionFinished Failed");
  CHECK(std::find(ev.begin(), ev.end(), "StageStarted After") == ev.end());
}

TEST_CASE("times come from the injected clock", "[scheduler]") {
  Harness h;
  auto p = make_pipeline("p", {{"Source", {make_action("Src", "Source", "GitHub", 1, {}, {"S"})}},
                               {"Build", {make_action("B", "Build", "CodeBuild", 1, {"S"})}}},
                         kStores);
  RunRecord r = h.run(p);
  REQUIRE(r.status == Status::Succeeded);
  CHECK(r.started == 1'700'000'000'010);
  CHECK(r.finished > r.started);
  const auto& src = r.stages[0].actions[0];
  CHECK(src.started > r.started);
  CHECK(src.finished > src.started);
  CHECK(src.duration_ms() == src.finished - src.started);
  CHECK(r.stages[1].started >= r.stages[0].finished);
  CHECK(r.execution_id.size() == 36);
  CHECK(src.action_execution_id.size() == 36);
  CHECK(src.action_execution_id != r.execution_id);
}

TEST_CASE("namespaces: variables resolve in later actions, unknown ones fail the action",
          "[scheduler][variables]") {
  Harness h;
  auto src = make_action("Src", "Source", "GitHub", 1, {}, {"S"});
  src.namespace_name = "SourceVariables";
  auto use = make_action("Use", "Build", "CodeBuild", 1, {"S"});
  use.configuration.set("ProjectName", model::Node::scalar("build-#{SourceVariables.CommitId}"));
  use.configuration.set("Exec", model::Node::scalar("#{codepipeline.PipelineExecutionId}"));
  auto bad = make_action("Bad", "Build", "CodeBuild", 2, {"S"});
  bad.configuration.set("ProjectName", model::Node::scalar("#{SourceVariables.Nope}"));
  bad.configuration.set("Zone", model::Node::scalar("z-#{SourceVariables.CommitId}"));
  h.executor.scripts["Src"] = [](const ActionContext& ctx) {
    ActionOutcome o;
    std::string zip = ctx.work_dir + "/s.zip";
    REQUIRE(write_zip(zip, {{"a", "b"}}));
    o.outputs.push_back({"S", zip});
    o.output_variables["CommitId"] = "abc123";
    return o;
  };
  RunRecord r = h.run(make_pipeline("p", {{"Source", {src}}, {"Build", {use, bad}}}, kStores));
  CHECK(h.executor.configs["Use"]["ProjectName"] == "build-abc123");
  CHECK(h.executor.configs["Use"]["Exec"] == r.execution_id);
  // The record keeps the configuration as it ran (the report shows it).
  const auto* u = r.stage("Build")->action("Use");
  CHECK(u->configuration == std::map<std::string, std::string>{{"Exec", r.execution_id},
                                                               {"ProjectName", "build-abc123"}});
  const auto* b = r.stage("Build")->action("Bad");
  CHECK(b->status == Status::Failed);
  CHECK(b->error_code == "ConfigurationError");
  CHECK(b->error ==
        "Invalid action configuration: the variable 'Nope' is not defined in namespace "
        "'SourceVariables' (#{SourceVariables.Nope})");
  // A failed resolution still records every key: resolved ones as resolved, the rest as written.
  CHECK(b->configuration == std::map<std::string, std::string>{
                                {"ProjectName", "#{SourceVariables.Nope}"}, {"Zone", "z-abc123"}});
  CHECK(r.variables.at("SourceVariables.CommitId") == "abc123");
}

TEST_CASE("an action type pipemu does not emulate fails with a clear message", "[scheduler]") {
  Harness h;
  auto p = make_pipeline("p", {{"Source", {make_action("Src", "Source", "GitHub", 1, {}, {"S"})}},
                               {"Invoke", {make_action("Fn", "Invoke", "Unknown", 1)}}},
                         kStores);
  RunRecord r = h.run(p);
  CHECK(r.status == Status::Failed);
  CHECK(r.stage("Invoke")->action("Fn")->error ==
        "pipemu does not emulate action type Invoke/AWS/Unknown/1");
}

TEST_CASE("a declared output the action did not produce fails it", "[scheduler]") {
  Harness h;
  h.executor.scripts["Src"] = [](const ActionContext&) { return ActionOutcome{}; };
  auto p = make_pipeline("p", {{"Source", {make_action("Src", "Source", "GitHub", 1, {}, {"S"})}},
                               {"Build", {make_action("B", "Build", "CodeBuild", 1, {"S"})}}},
                         kStores);
  RunRecord r = h.run(p);
  CHECK(r.status == Status::Failed);
  CHECK(r.stages[0].actions[0].error == "The action did not produce its output artifact S");
  CHECK(r.stages[1].status == Status::NotStarted);
}
