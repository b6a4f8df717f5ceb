#include "model/template.hpp"

#include <catch2/catch.hpp>

#include "model_test_support.hpp"

using namespace pipemu::model;
using pipemu::test::fixture;
using pipemu::test::yaml;

TEST_CASE("the flagship template lists its parameters and resources in order") {
  auto t = parse_template(fixture("scenarios/flagship/pipeline.yaml"));
  REQUIRE(t.ok());
  REQUIRE(t.value.parameters.size() == 3);
  CHECK(t.value.parameters[0].name == "EuBucket");
  CHECK(t.value.parameters[0].type == "AWS::SSM::Parameter::Value<String>");
  CHECK(t.value.parameters[0].default_value.str() == "/Environment/EU/SourceCodeStorage");
  CHECK(t.value.parameters[0].mark.line == 4);
  REQUIRE(t.value.resources.size() == 3);
  CHECK(t.value.resources[0].logical_id == "CodeBuild");
  CHECK(t.value.resources[1].type == "AWS::CodePipeline::Pipeline");
  CHECK(t.value.resources[2].mark.line == 254);
  CHECK(t.value.resource("GithubWebhook")->properties.find("TargetAction")->str() == "source");
  CHECK(t.value.parameter("UsBucket"));
  CHECK_FALSE(t.value.parameter("EuBuckets"));
}

TEST_CASE("template shape errors") {
  auto t = parse_template(yaml("Parameters:\n  P: String\nResources:\n  R:\n    Properties: {}\n"));
  REQUIRE(t.diagnostics.items().size() == 2);
  CHECK(t.diagnostics.items()[0].message ==
        "Template format error: Every Parameters object must contain a Type member. ('P' is not a "
        "parameter "
        "declaration)");
  CHECK(t.diagnostics.items()[1].message ==
        "Template format error: [/Resources/R] Every Resources object must contain a Type member.");
  CHECK(t.value.resources.size() == 1);
  auto none = parse_template(yaml("Description: x\n"));
  CHECK(none.diagnostics.items().at(0).message ==
        "Template format error: At least one Resources member must be defined.");
}
