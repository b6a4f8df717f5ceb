// docs/reference/aws-coverage.md is generated from the code's tables (`pipemu coverage`); this
// fails when the committed file is stale, when a hand-written note names an entry the code no
// longer has, or when the lists stop coming from the dispatch tables.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/aws_coverage.hpp"
#include "fakes/cloudformation/template/evaluator.hpp"
#include "fakes/cloudformation/wire/operations.hpp"
#include "fakes/ssm/wire.hpp"
#include "support/run_command.hpp"

using namespace pipemu;
using namespace pipemu::test;

TEST_CASE("the committed AWS coverage table matches `pipemu coverage`") {
  auto r = run_command(pipemu_cmd("coverage"));
  REQUIRE(r.exit_code == 0);
  INFO("docs/reference/aws-coverage.md is stale; regenerate it with: "
       "build/emulator/cli/pipemu coverage > docs/reference/aws-coverage.md");
  CHECK(source_file_text("docs/reference/aws-coverage.md") == r.output);
}

TEST_CASE("every coverage note names an entry the code has") {
  CHECK(cli::aws_coverage_stale_notes() == std::vector<std::string>{});
}

TEST_CASE("the coverage lists are the dispatch tables") {
  std::string md = cli::aws_coverage_markdown();
  for (const auto& op : ssm::operation_names()) CHECK(md.find("| `" + op + "` |") != std::string::npos);
  for (const auto& [op, handler] : cfn::wire::handlers())
    CHECK(md.find("| `" + op + "` |") != std::string::npos);
  for (const auto& fn : cfn::intrinsic_functions()) CHECK(md.find("| `" + fn + "` |") != std::string::npos);
  // The ones the flagship pipeline needs, by name, so an empty table cannot pass.
  CHECK(md.find("| `PutParameter` |") != std::string::npos);
  CHECK(md.find("| `CreateChangeSet` |") != std::string::npos);
  CHECK(md.find("| `Fn::ImportValue` |") != std::string::npos);
  CHECK(md.find("| `AWS::Region` |") != std::string::npos);
  CHECK(md.find("| `AWS::S3::Bucket` | provider: creates the bucket") != std::string::npos);
  CHECK(md.find("| `AWS::SNS::Topic` | provider: ") != std::string::npos);
  CHECK(md.find("| `AWS::ApiGateway::RestApi` | recorded |") != std::string::npos);
  // Unsupported functions stay out.
  CHECK(md.find("`Fn::Transform` |") == std::string::npos);
}
