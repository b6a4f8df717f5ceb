#include "model/codebuild_project.hpp"

#include <catch2/catch.hpp>

#include "model/template.hpp"
#include "model_test_support.hpp"

using namespace pipemu::model;
using pipemu::test::fixture;
using pipemu::test::yaml;

TEST_CASE("the flagship CodeBuild project loads") {
  auto t = parse_template(fixture("scenarios/flagship/pipeline.yaml"));
  const TemplateResource* res = t.value.resource("CodeBuild");
  REQUIRE(res);
  auto r = codebuild_project_from_cfn(res->properties, res->logical_id);
  REQUIRE(r.ok());
  const CodeBuildProject& p = r.value;
  CHECK(p.logical_id == "CodeBuild");
  CHECK(p.name.empty());
  CHECK(p.environment.image == "aws/codebuild/standard:2.0");
  CHECK(p.environment.compute_type == "BUILD_GENERAL1_SMALL");
  CHECK(p.environment.type == "LINUX_CONTAINER");
  CHECK(p.environment.privileged_mode);
  REQUIRE(p.environment.variables.size() == 3);
  CHECK(p.environment.variables[0].name == "EU_BUCKET");
  CHECK(p.environment.variables[0].type == "PLAINTEXT");
  CHECK(p.variable("AU_BUCKET")->value.intrinsic_arg().str() == "AuBucket");
  CHECK(p.source.type == "CODEPIPELINE");
  CHECK(p.source.buildspec == "amazon/pipeline/production/buildspec.yaml");
  CHECK_FALSE(p.source.buildspec_is_inline());
  CHECK(p.source.buildspec_path() == "amazon/pipeline/production/buildspec.yaml");
  CHECK(p.artifacts.type == "CODEPIPELINE");
  CHECK(p.timeout_in_minutes == 15);
  CHECK(p.queued_timeout_in_minutes == 480);
  CHECK(p.cache.type == "LOCAL");
  CHECK(p.cache.modes ==
        std::vector<std::string>{"LOCAL_CUSTOM_CACHE", "LOCAL_DOCKER_LAYER_CACHE"});
  CHECK(p.service_role.intrinsic_name() == "Fn::ImportValue");
}

TEST_CASE("CodeBuild project defaults and inline buildspecs") {
  auto r = codebuild_project_from_cfn(
      yaml("Name: p\n"
           "Artifacts: {Type: NO_ARTIFACTS}\n"
           "Environment: {ComputeType: BUILD_GENERAL1_SMALL, Image: img, Type: LINUX_CONTAINER}\n"
           "ServiceRole: arn\n"
           "Source:\n"
           "  Type: NO_SOURCE\n"
           "  BuildSpec: |\n"
           "    version: 0.2\n"
           "    phases: {build: {commands: [make]}}\n"));
  REQUIRE(r.ok());
  CHECK(r.value.timeout_in_minutes == 60);
  CHECK_FALSE(r.value.environment.privileged_mode);
  CHECK(r.value.cache.type == "NO_CACHE");
  CHECK(r.value.source.buildspec_is_inline());
  CHECK(r.value.source.buildspec_path().empty());
}

TEST_CASE("CodeBuild project errors: unsupported property, missing required, bad timeout") {
  auto r =
      codebuild_project_from_cfn(yaml("Artifacts: {Type: CODEPIPELINE}\n"
                                      "Enviroment: {Image: x}\n"
                                      "ServiceRole: arn\n"
                                      "Source: {Type: CODEPIPELINE}\n"
                                      "TimeoutInMinutes: 3000\n"));
  REQUIRE_FALSE(r.ok());
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics.items())
    got.push_back(d.mark.str() + " " + d.message + " | " + d.hint);
  CHECK(got ==
        std::vector<std::string>{
            "t.yaml:2:1 Encountered unsupported property Enviroment in AWS::CodeBuild::Project | "
            "did you mean 'Environment'?",
            "t.yaml:1:1 AWS::CodeBuild::Project is missing the required property 'Environment' | ",
            "t.yaml:5:19 TimeoutInMinutes must be a whole number of minutes from 5 to 2160 | ",
        });
}
