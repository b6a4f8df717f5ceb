// plan, graph and explain agree on the pipeline's region when nothing deploys the pipeline.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"

using namespace pipemu::test;

namespace {
// env -u: the test must not depend on the caller's AWS_REGION.
std::string bare(const std::string& args) {
  return "env -u AWS_REGION -u AWS_DEFAULT_REGION " + pipemu_cmd(args);
}
const std::string kFlagship = source_path("scenarios/flagship/pipeline.yaml");
}  // namespace

TEST_CASE("plan graph and explain default to the first ArtifactStores region") {
  auto plan = run_command(bare("plan " + kFlagship));
  REQUIRE(plan.exit_code == 0);
  CHECK(plan.output.find("(region eu-west-1)") != std::string::npos);

  auto graph = run_command(bare("graph --format mermaid " + kFlagship));
  REQUIRE(graph.exit_code == 0);
  CHECK(graph.output.find("us-east-1") != std::string::npos);  // the US deploy actions
  // Source runs where the pipeline lives.
  auto source_line = graph.output.substr(graph.output.find("Source"));
  CHECK(source_line.substr(0, source_line.find('\n')).find("us-east-1") == std::string::npos);

  auto explain = run_command(bare("explain " + kFlagship));
  REQUIRE(explain.exit_code == 0);
  CHECK(explain.output.find("The pipeline lives in eu-west-1 (its first ArtifactStores entry") !=
        std::string::npos);
}

TEST_CASE("the region flag and AWS_REGION choose the pipeline region as the aws CLI does") {
  auto flag = run_command(bare("plan --region ap-southeast-2 " + kFlagship));
  REQUIRE(flag.exit_code == 0);
  CHECK(flag.output.find("(region ap-southeast-2)") != std::string::npos);

  auto env = run_command("env AWS_REGION=us-east-1 " + pipemu_cmd("explain " + kFlagship));
  REQUIRE(env.exit_code == 0);
  CHECK(env.output.find("The pipeline lives in us-east-1 (from AWS_REGION)") != std::string::npos);
}
