#include <catch2/catch.hpp>

#include "model/loader.hpp"
#include "scenario/expect.hpp"
#include "scenario/parse.hpp"
#include "scenario_support.hpp"

using namespace pipemu;
using namespace pipemu::scenario;
using engine::Status;
using test::action;

namespace {

// Parses `then` text (with a throwaway given) into a Scenario.
Scenario with_then(const std::string& then) {
  auto node = model::load_text("s.yaml", "given: {}\nthen:\n" + then);
  REQUIRE(node);
  return parse_node(*node, "s.yaml").value;
}

// Source ok, build ok, eu-deploy [100,300], us-deploy [150,250] in parallel, failed.
Outcome sample() {
  Outcome o;
  o.started = true;
  auto& r = o.record;
  r.status = Status::Failed;
  r.status_summary = "Action us-deploy failed: No export named SharedRole found.";
  r.started = 1000;
  engine::StageRecord src{"Source", Status::Succeeded, 1000, 1010, {action("source", Status::Succeeded, 1, 10)}};
  engine::StageRecord build{"Build", Status::Succeeded, 1010, 1090, {action("build", Status::Succeeded, 10, 90)}};
  engine::StageRecord deploy{"Deploy", Status::Failed, 1100, 1300,
                             {action("eu-deploy", Status::Succeeded, 100, 300, "eu-west-1"),
                              action("us-deploy", Status::Failed, 150, 250, "us-east-1")}};
  deploy.actions[1].error = "No export named SharedRole found.";
  deploy.actions[1].log_tail = {"CREATE_FAILED Fn", "ROLLBACK_COMPLETE"};
  r.stages = {src, build, deploy};
  engine::ArtifactRecord out;
  out.name = "out";
  out.sha256 = "abc";
  out.files = {{"t.yaml", 10}};
  out.locations = {{"us-east-1", "b", "k"}, {"eu-west-1", "b2", "k"}};
  r.artifacts = {out};
  ObservedStack s{"s", "CREATE_COMPLETE", "", {{"Topic", "AWS::SNS::Topic"}}, {{"Arn", "arn:x"}}};
  o.after["eu-west-1"].stacks = {s};
  o.after["eu-west-1"].exports = {{"Shared", "v"}};
  o.after["us-east-1"].stacks = {{"s", "ROLLBACK_COMPLETE", "No export named SharedRole found.", {}, {}}};
  return o;
}

std::vector<std::string> whats(const std::vector<Failure>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.what + " | " + f.expected + " | " + f.actual);
  return out;
}

}  // namespace

TEST_CASE("expectations that hold produce no failures") {
  auto s = with_then(
      "  status: Failed\n"
      "  summary_contains: No export named SharedRole\n"
      "  stages: {Source: Succeeded, Deploy: Failed}\n"
      "  actions: {eu-deploy: Succeeded, Deploy/us-deploy: Failed}\n"
      "  errors: {us-deploy: No export named SharedRole found.}\n"
      "  logs: {us-deploy: ROLLBACK_COMPLETE}\n"
      "  order:\n"
      "    - before: [build, eu-deploy]\n"
      "    - overlap: [eu-deploy, us-deploy]\n"
      "  artifacts: {out: {files: [t.yaml], sha256: abc, regions: [eu-west-1]}}\n"
      "  stacks:\n"
      "    eu-west-1: {s: {status: CREATE_COMPLETE, resources: {Topic: AWS::SNS::Topic}, outputs: {Arn: arn:x}}}\n"
      "    us-east-1: {s: ROLLBACK_COMPLETE, other: absent}\n"
      "  exports: {eu-west-1: {Shared: v, Missing: absent}}\n"
      "  nothing_in: [ap-southeast-2]\n");
  CHECK(whats(evaluate(s, sample())).empty());
}

TEST_CASE("each failed expectation says what was expected and what happened") {
  auto s = with_then(
      "  status: Succeeded\n"
      "  stages: {Deploy: Succeeded}\n"
      "  actions: {us-deploy: Succeeded}\n"
      "  errors: {us-deploy: Access denied}\n"
      "  order:\n"
      "    - before: [eu-deploy, us-deploy]\n"
      "    - overlap: [build, eu-deploy]\n"
      "  artifacts: {out: {files: [missing.yaml], regions: [ap-southeast-2]}, pkg: {}}\n"
      "  stacks: {eu-west-1: {s: UPDATE_COMPLETE, t: CREATE_COMPLETE}}\n"
      "  exports: {eu-west-1: {Shared: other}}\n"
      "  nothing_in: [eu-west-1]\n");
  auto fs = evaluate(s, sample());
  CHECK(whats(fs) == std::vector<std::string>{
      "execution status | Succeeded | Failed: Action us-deploy failed: No export named SharedRole found.",
      "stage Deploy status | Succeeded | Failed",
      "action us-deploy status | Succeeded | Failed: No export named SharedRole found.",
      "action us-deploy error | contains \"Access denied\" | \"No export named SharedRole found.\"",
      "eu-deploy finishes before us-deploy starts | eu-deploy finished <= us-deploy started | "
      "eu-deploy finished at +300 ms, us-deploy started at +150 ms",
      "build, eu-deploy overlap | build and eu-deploy run at the same time | "
      "build [+10, +90] ms, eu-deploy [+100, +300] ms",
      "artifact out files | contains missing.yaml | files: t.yaml",
      "artifact out copies | a copy in ap-southeast-2 | copies in: us-east-1, eu-west-1",
      "artifact pkg | produced | artifacts: out",
      "stack s in eu-west-1 status | UPDATE_COMPLETE | CREATE_COMPLETE",
      "stack t in eu-west-1 | exists with status CREATE_COMPLETE | stacks there: s",
      "export Shared in eu-west-1 | other | v",
      "nothing happened in eu-west-1 | no action, no stack change | "
      "action eu-deploy Succeeded; stack s CREATE_COMPLETE",
  });
}

TEST_CASE("a failure renders with the scenario position, the line, expected and actual") {
  auto node = model::load_text("scenarios/x/scenario.yaml", "given: {}\nthen:\n  status: Succeeded\n");
  auto s = parse_node(*node, "scenarios/x/scenario.yaml").value;
  auto fs = evaluate(s, sample());
  REQUIRE(fs.size() == 1);
  CHECK(render(fs[0]) ==
        "scenarios/x/scenario.yaml:3:11: error: expectation failed: execution status\n"
        "    status: Succeeded\n"
        "            ^\n"
        "  expected: Succeeded\n"
        "  actual:   Failed: Action us-deploy failed: No export named SharedRole found.\n");
}

TEST_CASE("no execution: started false holds, and a setup error counts as a Failed execution") {
  Outcome none;
  auto s = with_then("  started: false\n  nothing_in: [us-east-1]\n  actions: {build: NotStarted}\n");
  CHECK(evaluate(s, none).empty());
  auto s2 = with_then("  started: true\n");
  CHECK(whats(evaluate(s2, none)) == std::vector<std::string>{"an execution started | true | false"});
  Outcome broken;
  broken.error = "pipeline.yaml:12:5: error: mapping values are not allowed here";
  auto s3 = with_then("  status: Failed\n  summary_contains: mapping values are not allowed\n");
  CHECK(evaluate(s3, broken).empty());
}

TEST_CASE("nothing_in ignores stacks that were seeded and unchanged, and sees changed ones") {
  Outcome o = sample();
  o.before["ap-southeast-2"].stacks = {{"bootstrap", "CREATE_COMPLETE", "", {}, {}}};
  o.after["ap-southeast-2"].stacks = {{"bootstrap", "CREATE_COMPLETE", "", {}, {}}};
  auto s = with_then("  nothing_in: [ap-southeast-2]\n");
  CHECK(evaluate(s, o).empty());
  o.after["ap-southeast-2"].stacks[0].status = "UPDATE_COMPLETE";
  CHECK(whats(evaluate(s, o)) == std::vector<std::string>{
      "nothing happened in ap-southeast-2 | no action, no stack change | stack bootstrap UPDATE_COMPLETE"});
}

// The flagship's RunOrder checks (three infrastructure deploys in parallel, then the transforms)
// on a record where the three ran at the same time and on one where they ran one after another,
// back to back, as a scheduler that serialised a RunOrder group would produce them.
TEST_CASE("overlap fails on actions that ran one after another, even back to back") {
  auto s = with_then(
      "  order:\n"
      "    - overlap: [eu-infra, us-infra, au-infra]\n"
      "    - before: [eu-infra, eu-transform]\n");
  auto record = [](long eu, long us, long au, long length) {
    Outcome o;
    o.started = true;
    o.record.started = 1000;
    o.record.status = Status::Succeeded;
    engine::StageRecord deploy{"Deploy", Status::Succeeded, 1000, 2000,
                               {action("eu-infra", Status::Succeeded, eu, eu + length, "eu-west-1"),
                                action("us-infra", Status::Succeeded, us, us + length, "us-east-1"),
                                action("au-infra", Status::Succeeded, au, au + length, "ap-southeast-2"),
                                action("eu-transform", Status::Succeeded, 700, 760, "eu-west-1")}};
    o.record.stages = {deploy};
    return o;
  };
  CHECK(evaluate(s, record(100, 102, 101, 120)).empty());  // parallel: all pass

  auto serial = whats(evaluate(s, record(100, 220, 340, 120)));  // each starts as the last ends
  CHECK(serial == std::vector<std::string>{
      "eu-infra, us-infra, au-infra overlap | eu-infra and us-infra run at the same time | "
      "eu-infra [+100, +220] ms, us-infra [+220, +340] ms"});

  auto gap = whats(evaluate(s, record(100, 300, 500, 120)));
  REQUIRE(gap.size() == 1);
  CHECK(gap[0].find("eu-infra and us-infra run at the same time") != std::string::npos);

  // Two of three overlapping is not enough: every pair must.
  auto two = whats(evaluate(s, record(100, 150, 400, 120)));
  REQUIRE(two.size() == 1);
  CHECK(two[0].find("eu-infra and au-infra run at the same time") != std::string::npos);

  auto late = whats(evaluate(s, record(100, 102, 101, 650)));  // eu-infra still runs when eu-transform starts
  CHECK(late == std::vector<std::string>{
      "eu-infra finishes before eu-transform starts | eu-infra finished <= eu-transform started | "
      "eu-infra finished at +750 ms, eu-transform started at +700 ms"});
}
