#include <catch2/catch.hpp>

#include "scenario/parse.hpp"
#include "scenario/pipeline_names.hpp"
#include "scenario_support.hpp"

using namespace pipemu;
using namespace pipemu::scenario;
using K = Expectation::Kind;

namespace {

std::string rendered(const model::Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) out += model::render(x);
  return out;
}

const char* kFull = R"(name: demo-happy
description: |
  Teaches the happy path.
given:
  pipeline: pipeline.yaml
  executor: local
  region: us-east-1
  parameters: {Env: test}
  repository:
    fixture: repo
    branch: main
    files: {extra.txt: hello}
    commits:
      - message: feature work
        branch: feature
        files: {f.txt: x}
  state:
    eu-west-1:
      parameters: {/Env/EU/Bucket: demo-eu}
      buckets: [demo-eu]
      objects: {demo-eu/seed.txt: seeded}
      exports: {SharedRole: arn:aws:iam::123456789012:role/x}
when:
  push: main
  approvals: {build: approved}
faults:
  - throttle: {region: eu-west-1, service: ssm, operation: GetParameters, times: 2}
  - resource: {type: AWS::Lambda::Function, region: us-east-1, message: boom}
  - build_command: {command: make test, exit: 2}
  - timeout: {action: build, ms: 500}
then:
  status: Succeeded
  stages: {Deploy: Succeeded}
  actions: {eu-deploy: Succeeded, Deploy/us-deploy: Succeeded}
  errors: {build: nothing}
  order:
    - before: [build, eu-deploy]
    - overlap: [eu-deploy, us-deploy]
  artifacts:
    out: {files: [t.yaml], regions: [eu-west-1]}
  stacks:
    eu-west-1:
      s: {status: CREATE_COMPLETE, resources: {Topic: AWS::SNS::Topic}, outputs: {Arn: "*"}}
      old: absent
  exports:
    eu-west-1: {SharedRole: "*", Gone: absent}
  nothing_in: [ap-southeast-2]
)";

}  // namespace

TEST_CASE("a complete scenario parses into given, when, faults and then") {
  test::TempFolder dir;
  dir.write("demo/pipeline.yaml", test::kPipelineYaml);
  dir.write("demo/repo/buildspec.yml", "version: 0.2\n");
  auto file = dir.write("demo/scenario.yaml", kFull);
  auto parsed = parse_file(file);
  INFO(rendered(parsed.diagnostics));
  REQUIRE(parsed.ok());
  const Scenario& s = parsed.value;
  CHECK(s.name == "demo-happy");
  CHECK(s.description == "Teaches the happy path.\n");
  CHECK(s.given.pipeline == (dir.path / "demo/pipeline.yaml").string());
  CHECK(s.given.repository.fixture == (dir.path / "demo/repo").string());
  CHECK(s.given.repository.branch == "main");
  REQUIRE(s.given.repository.commits.size() == 1);
  CHECK(s.given.repository.commits[0].branch == "feature");
  REQUIRE(s.given.state.size() == 1);
  CHECK(s.given.state[0].region == "eu-west-1");
  CHECK(s.given.state[0].parameters.at("/Env/EU/Bucket") == "demo-eu");
  REQUIRE(s.given.state[0].objects.size() == 1);
  CHECK(s.given.state[0].objects[0].bucket == "demo-eu");
  CHECK(s.given.state[0].objects[0].key == "seed.txt");
  REQUIRE(s.when.runs.size() == 1);
  CHECK(s.when.runs[0].branch == "main");
  CHECK(s.when.approvals.at("build") == "approved");
  REQUIRE(s.faults.size() == 4);
  CHECK(s.faults[0].kind == Fault::Kind::Throttle);
  CHECK(s.faults[0].times == 2);
  CHECK(s.faults[1].resource_type == "AWS::Lambda::Function");
  CHECK(s.faults[2].exit_code == 2);
  CHECK(s.faults[3].ms == 500);
  std::vector<K> kinds;
  for (const auto& e : s.then) kinds.push_back(e.kind);
  CHECK(kinds == std::vector<K>{K::Status, K::StageStatus, K::ActionStatus, K::ActionStatus,
                                K::ErrorContains, K::Before, K::Overlap, K::Artifact, K::Stack,
                                K::NoStack, K::NoExport, K::Export, K::Nothing});  // exports by name
  // Marks point at the YAML that stated each expectation.
  CHECK(s.then[0].mark.line == 32);
  CHECK(s.then[5].a == "build");
  model::Diagnostics names;
  check_names(s, pipeline_names(s.given.pipeline, s.given.region), names);
  CHECK(rendered(names) == "");
}

TEST_CASE("unknown keys and bad status words are errors at their line with a suggestion") {
  test::TempFolder dir;
  dir.write("x/pipeline.yaml", test::kPipelineYaml);
  auto file = dir.write("x/scenario.yaml",
                        "given:\n  pipeline: pipeline.yaml\n  executer: local\nthen:\n  status: Succeded\n");
  auto parsed = parse_file(file);
  CHECK_FALSE(parsed.ok());
  CHECK(rendered(parsed.diagnostics) ==
        file + ":3:3: error: unknown key 'executer' in given [scenario]\n"
               "    executer: local\n"
               "    ^\n"
               "  hint: did you mean 'executor'?\n" +
            file + ":5:11: error: then.status 'Succeded' is not one of: Succeeded, Failed, Stopped [scenario]\n"
                   "    status: Succeded\n"
                   "            ^\n"
                   "  hint: did you mean 'Succeeded'?\n");
}

TEST_CASE("a YAML syntax error in a scenario is one diagnostic with its position") {
  test::TempFolder dir;
  auto file = dir.write("x/scenario.yaml", "given:\n  pipeline: [a\nthen: {}\n");
  auto parsed = parse_file(file);
  REQUIRE(parsed.diagnostics.items().size() == 1);
  CHECK(parsed.diagnostics.items()[0].rule == "yaml-syntax");
  CHECK(parsed.diagnostics.items()[0].mark.line >= 2);
}

TEST_CASE("a fixture path escaping the scenario folder is refused; // reaches the suite folder") {
  test::TempFolder dir;
  dir.write("x/pipeline.yaml", test::kPipelineYaml);
  dir.write("common/repo/a.txt", "a");
  auto file = dir.write("x/scenario.yaml",
                        "given:\n  pipeline: pipeline.yaml\n  repository: {fixture: ../common/repo}\nthen: {status: Succeeded}\n");
  auto parsed = parse_file(file);
  CHECK(rendered(parsed.diagnostics) ==
        file + ":3:25: error: given.repository.fixture '../common/repo' escapes the scenario folder [scenario]\n"
               "    repository: {fixture: ../common/repo}\n"
               "                          ^\n"
               "  hint: paths are relative to the scenario folder; start with // for the suite folder\n");
  auto ok = dir.write("y/scenario.yaml",
                      "given:\n  pipeline: //x/pipeline.yaml\n  repository: {fixture: //common/repo}\nthen: {status: Succeeded}\n");
  auto parsed_ok = parse_file(ok);
  INFO(rendered(parsed_ok.diagnostics));
  CHECK(parsed_ok.ok());
  CHECK(parsed_ok.value.given.repository.fixture == (dir.path / "common/repo").string());
}

TEST_CASE("expectations naming unknown actions, stages or regions are errors with did-you-mean") {
  test::TempFolder dir;
  dir.write("x/pipeline.yaml", test::kPipelineYaml);
  auto file = dir.write("x/scenario.yaml",
                        "given: {pipeline: pipeline.yaml}\n"
                        "then:\n"
                        "  stages: {Deploi: Failed}\n"
                        "  actions: {eu-deplyo: Failed}\n"
                        "  nothing_in: [eu-west-l]\n");
  auto parsed = parse_file(file);
  REQUIRE(parsed.ok());
  model::Diagnostics d;
  check_names(parsed.value, pipeline_names(parsed.value.given.pipeline, "us-east-1"), d);
  d.sort();
  REQUIRE(d.items().size() == 3);
  CHECK(d.items()[0].message == "unknown stage 'Deploi' in this scenario's pipeline");
  CHECK(d.items()[0].hint == "did you mean 'Deploy'?");
  CHECK(d.items()[0].mark.line == 3);
  CHECK(d.items()[1].message == "unknown action 'eu-deplyo' in this scenario's pipeline");
  CHECK(d.items()[1].hint == "did you mean 'eu-deploy'?");
  CHECK(d.items()[2].message == "unknown region 'eu-west-l'");
  CHECK(d.items()[2].hint == "did you mean 'eu-west-1'?");
  CHECK(d.items()[2].mark.line == 5);
}

TEST_CASE("a missing pipeline and a missing then are reported") {
  test::TempFolder dir;
  auto file = dir.write("x/scenario.yaml", "name: x\ngiven: {}\n");
  auto parsed = parse_file(file);
  std::string text = rendered(parsed.diagnostics);
  CHECK(text.find("given.pipeline is required") != std::string::npos);
  CHECK(text.find("the scenario needs a 'then' section") != std::string::npos);
}
