// `pipemu explain` on the article's flagship template: every action, the three regional buckets,
// the webhook in words, --action zoom, Markdown, and the unknown-action error.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"

using namespace pipemu::test;

namespace {

const std::string kFlagship = source_path("scenarios/flagship/pipeline.yaml");

CommandResult explain(const std::string& args) {
  // AWS_REGION is cleared so the region comes from the template unless a test sets it.
  return run_command("env -u AWS_REGION " + pipemu_cmd("explain " + kFlagship + " " + args));
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("explain describes every stage and all 11 actions (1 source, 1 build, 9 deploy) of the flagship pipeline") {
  auto r = explain("");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.output, "3 stages with 11 actions in total."));
  CHECK(has(r.output, "Stage 1: Source (1 action)"));
  CHECK(has(r.output, "Stage 2: Build (1 action)"));
  CHECK(has(r.output, "Stage 3: Deploy (9 actions)"));
  // Each action has its own heading ("name:" in the terminal format).
  for (const char* name : {"source", "CodeBuild", "eu-infrastructure", "us-infrastructure",
                           "au-infrastructure", "eu-transform", "us-transform", "au-transform",
                           "eu-execute", "us-execute", "au-execute"})
    CHECK(has(r.output, std::string("\n") + name + ":\n"));
  CHECK(occurrences(r.output, "RunOrder 1: ") + occurrences(r.output, "RunOrder 2: ") +
            occurrences(r.output, "RunOrder 3: ") ==
        5);
}

TEST_CASE("explain lists the three regional buckets with the SSM parameter each comes from") {
  auto r = explain("");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.output, "The pipeline lives in eu-west-1 (its first ArtifactStores entry; pass "
                      "--region to choose another)."));
  CHECK(has(r.output, "- eu-west-1: the value of SSM parameter /Environment/EU/SourceCodeStorage "
                      "(template parameter EuBucket); used by source, CodeBuild, "
                      "eu-infrastructure, eu-transform and eu-execute.\n"));
  CHECK(has(r.output, "- us-east-1: the value of SSM parameter /Environment/US/SourceCodeStorage"));
  CHECK(has(r.output, "- ap-southeast-2: the value of SSM parameter "
                      "/Environment/AU/SourceCodeStorage"));
}

TEST_CASE("explain puts the webhook filter in words and says what runs in parallel") {
  auto r = explain("--region us-east-1");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.output, "The pipeline lives in us-east-1 (from --region)."));
  CHECK(has(r.output, "Webhook GithubWebhook starts it on a GitHub push whose $.ref equals "
                      "refs/heads/master (the source action's Branch), by starting source action "
                      "source."));
  CHECK(has(r.output, "- RunOrder 1: eu-infrastructure, us-infrastructure and au-infrastructure "
                      "run in parallel, because they share RunOrder 1; RunOrder 2 starts only "
                      "when they all succeed.\n"));
  CHECK(has(r.output, "Needs export GenericCloudFormationRoleArn in us-east-1"));
  CHECK(has(r.output, "\"No export named GenericCloudFormationRoleArn found.\""));
  CHECK(has(r.output, "\"Parameters: [/Environment/EU/SourceCodeStorage] cannot be found.\""));
}

TEST_CASE("explain --action zooms into one action: region, input copy, RunOrder peers") {
  auto r = explain("--region us-east-1 --action eu-transform");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.output, "Action eu-transform (stage Deploy of pipeline service-x)\n"));
  CHECK(has(r.output, "Deploy action, provider CloudFormation, ActionMode CHANGE_SET_REPLACE in "
                      "eu-west-1, RunOrder 2."));
  CHECK(has(r.output, "- Reads artifact package, which CodeBuild (stage Build) stored in "
                      "us-east-1; because this action runs in eu-west-1, CodePipeline first "
                      "copies it into the eu-west-1 artifact bucket (the value of SSM parameter "
                      "/Environment/EU/SourceCodeStorage (template parameter EuBucket)) and the "
                      "action reads that copy.\n"));
  CHECK(has(r.output, "It runs in parallel with us-transform and au-transform, because they share "
                      "RunOrder 2 in stage Deploy."));
  CHECK_FALSE(has(r.output, "eu-infrastructure"));
}

TEST_CASE("explain --action on a change-set execute names the action that creates the change set") {
  auto r = explain("--action au-execute");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.output, "Executes the change set au-transform creates (stage Deploy, RunOrder 2), "
                      "so it must run after it."));
}

TEST_CASE("explain --format md produces Markdown headings") {
  auto r = explain("--format md");
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.rfind("# Pipeline service-x\n", 0) == 0);
  CHECK(has(r.output, "\n## Where it lives\n"));
  CHECK(has(r.output, "\n## Stage 3: Deploy (9 actions)\n"));
  CHECK(has(r.output, "\n### eu-transform\n"));
  CHECK(has(r.output, "Reads artifact `package`"));
}

TEST_CASE("explain --action with an unknown name suggests the closest action and exits 2") {
  auto r = explain("--action eu-transfrom");
  CHECK(r.exit_code == 2);
  CHECK(has(r.output, "pipemu explain: no action named 'eu-transfrom' in pipeline service-x. Did "
                      "you mean 'eu-transform'?\n"));
}

TEST_CASE("explain on a file without a pipeline fails with the file name") {
  auto r = run_command(pipemu_cmd("explain " + source_path("scenarios/flagship/scenario.yaml")));
  CHECK(r.exit_code == 1);
  CHECK(has(r.output, "scenario.yaml"));
}
