// The plan: RunOrder groups ascending with effective regions, the skeleton record, artifact flow.
#include <catch2/catch.hpp>

#include "engine/plan.hpp"
#include "engine_fakes_support.hpp"

using namespace pipemu;
using namespace pipemu::engine;
using pipemu::test::make_action;
using pipemu::test::make_pipeline;

TEST_CASE("plan groups actions by RunOrder ascending and resolves regions", "[plan]") {
  auto late = make_action("Late", "Deploy", "CloudFormation", 5, {"B"});
  auto early = make_action("Early", "Deploy", "CloudFormation", 2, {"B"});
  early.region = "us-east-1";
  auto also_early = make_action("AlsoEarly", "Deploy", "CloudFormation", 2, {"B"});
  early.configuration.set("ActionMode", model::Node::scalar("CHANGE_SET_REPLACE"));
  early.configuration.set("StackName", model::Node::scalar("svc"));
  early.configuration.set("ChangeSetName", model::Node::scalar("cs"));
  early.configuration.set("TemplatePath", model::Node::scalar("B::t.yaml"));
  auto p = make_pipeline("p", {{"Source", {make_action("S", "Source", "GitHub", 1, {}, {"B"})}},
                               {"Deploy", {late, early, also_early}}},
                         {});
  Plan plan = make_plan(p, "eu-west-1");
  REQUIRE(plan.stages.size() == 2);
  const auto& groups = plan.stages[1].groups;
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].run_order == 2);
  REQUIRE(groups[0].actions.size() == 2);
  CHECK(groups[0].actions[0].action->name == "Early");
  CHECK(groups[0].actions[0].region == "us-east-1");
  CHECK(groups[0].actions[1].region == "eu-west-1");
  CHECK(groups[0].actions[0].description ==
        "CloudFormation CHANGE_SET_REPLACE stack svc change set cs (template B::t.yaml)");
  CHECK(groups[1].run_order == 5);

  auto sk = skeleton(plan);
  CHECK(sk[1].actions[0].name == "Late");  // declaration order in the record
  CHECK(sk[1].actions[1].region == "us-east-1");
  CHECK(sk[1].actions[1].status == Status::NotStarted);

  auto flow = artifact_flow(p);
  REQUIRE(flow.size() == 1);
  CHECK(flow[0].artifact == "B");
  CHECK(flow[0].producer == "S");
  CHECK(flow[0].consumers.size() == 3);
}

TEST_CASE("values only a run can tell are shown as what decides them", "[plan]") {
  auto build = make_action("Build", "Build", "CodeBuild", 1, {"B"});
  model::Node ref = model::Node::map();
  ref.set("Ref", model::Node::scalar("CodeBuildProject"));
  build.configuration.set("ProjectName", ref);
  CHECK(describe_action(build) == "CodeBuild project (resolved at run time: !Ref CodeBuildProject)");

  auto deploy = make_action("D", "Deploy", "CloudFormation", 1, {"B"});
  deploy.configuration.set("ActionMode", model::Node::scalar("CREATE_UPDATE"));
  deploy.configuration.set("StackName", model::Node::scalar("svc-#{SourceVariables.BranchName}"));
  CHECK(describe_action(deploy) ==
        "CloudFormation CREATE_UPDATE stack (resolved at run time: svc-#{SourceVariables.BranchName})");
}
