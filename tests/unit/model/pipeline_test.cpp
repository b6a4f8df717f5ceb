#include "model/pipeline.hpp"

#include <catch2/catch.hpp>

#include "model/template.hpp"
#include "model_test_support.hpp"

using namespace pipemu::model;
using pipemu::test::fixture;
using pipemu::test::yaml;

namespace {
Pipeline flagship() {
  auto t = parse_template(fixture("scenarios/flagship/pipeline.yaml"));
  REQUIRE(t.ok());
  auto res = t.value.resources_of_type("AWS::CodePipeline::Pipeline");
  REQUIRE(res.size() == 1);
  auto p = pipeline_from_cfn(res[0]->properties);
  INFO((p.diagnostics.items().empty() ? "" : render(p.diagnostics.items()[0])));
  REQUIRE(p.ok());
  return p.value;
}
}  // namespace

TEST_CASE("the flagship pipeline loads from its CloudFormation resource") {
  Pipeline p = flagship();
  CHECK(p.name == "service-x");
  REQUIRE(p.artifact_stores.size() == 3);
  CHECK(p.artifact_stores[1].region == "us-east-1");
  CHECK(p.artifact_stores[1].store.type == "S3");
  // Raw template: the bucket is still the intrinsic {Ref: UsBucket}.
  REQUIRE(p.artifact_stores[1].store.location.is_intrinsic());
  CHECK(p.artifact_stores[1].store.location.intrinsic_arg().str() == "UsBucket");
  CHECK(p.artifact_stores[1].store.bucket().empty());
  CHECK_FALSE(p.artifact_store.has_value());
  REQUIRE(p.stages.size() == 3);
  CHECK(p.stages[2].name == "Deploy");
  CHECK(p.stages[2].actions.size() == 9);

  const Action& src = p.stages[0].actions[0];
  CHECK(src.type.category == "Source");
  CHECK(src.type.owner == "ThirdParty");
  CHECK(src.type.version == "1");
  CHECK(src.run_order == 1);
  CHECK(src.config("Branch") == "master");
  CHECK(src.config("OAuthToken").empty());  // !ImportValue, unresolved
  CHECK(src.config_node("OAuthToken")->intrinsic_name() == "Fn::ImportValue");
  CHECK(src.output_artifacts.at(0).name == "src");
  CHECK_FALSE(src.region.has_value());

  const Stage* deploy = nullptr;
  const Action* exec = p.action("au-execute", &deploy);
  REQUIRE(exec);
  CHECK(deploy->name == "Deploy");
  CHECK(exec->run_order == 3);
  CHECK(exec->region.value() == "ap-southeast-2");
  CHECK(exec->config("ActionMode") == "CHANGE_SET_EXECUTE");
  CHECK(exec->input_artifacts.empty());
  CHECK(exec->mark.str() == PIPEMU_SOURCE_DIR "/scenarios/flagship/pipeline.yaml:239:21");
  CHECK(exec->config_mark("ChangeSetName").line == 251);
}

TEST_CASE("the pipeline resolves its artifact store per region") {
  Pipeline p = flagship();
  REQUIRE(p.store_for("ap-southeast-2"));
  CHECK(p.store_for("ap-southeast-2")->location.intrinsic_arg().str() == "AuBucket");
  CHECK(p.store_for("sa-east-1") == nullptr);
  CHECK(p.stage("Build")->actions[0].config("PrimarySource") == "src");
}

TEST_CASE("get-pipeline JSON loads with camelCase keys and an artifactStores map") {
  auto root = yaml(R"({
  "pipeline": {
    "name": "service-x",
    "roleArn": "arn:aws:iam::123456789012:role/p",
    "artifactStores": {
      "eu-west-1": {"type": "S3", "location": "bucket-eu",
                    "encryptionKey": {"id": "alias/k", "type": "KMS"}},
      "us-east-1": {"type": "S3", "location": "bucket-us"}
    },
    "stages": [
      {"name": "Source", "actions": [{"name": "source",
        "actionTypeId": {"category": "Source", "owner": "ThirdParty", "provider": "GitHub", "version": "1"},
        "runOrder": 1, "configuration": {"Branch": "main"}, "outputArtifacts": [{"name": "src"}],
        "inputArtifacts": []}]},
      {"name": "Deploy", "actions": [{"name": "us",
        "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CloudFormation", "version": "1"},
        "runOrder": 2, "region": "us-east-1", "namespace": "US",
        "configuration": {"ActionMode": "CREATE_UPDATE", "StackName": "s", "TemplatePath": "src::t.yaml"},
        "inputArtifacts": [{"name": "src"}], "outputArtifacts": []}]}
    ],
    "version": 4
  },
  "metadata": {"pipelineArn": "arn:aws:codepipeline:eu-west-1:123456789012:service-x"}
})",
                   "get-pipeline.json");
  auto r = pipeline_from_api(root);
  REQUIRE(r.ok());
  const Pipeline& p = r.value;
  CHECK(p.name == "service-x");
  CHECK(p.version == 4);
  CHECK(p.role_arn.str() == "arn:aws:iam::123456789012:role/p");
  REQUIRE(p.artifact_stores.size() == 2);
  CHECK(p.store_for("eu-west-1")->bucket() == "bucket-eu");
  CHECK(p.store_for("eu-west-1")->encryption_key_id == "alias/k");
  CHECK(p.store_for("eu-west-1")->encryption_key_type == "KMS");
  const Action& us = p.stages[1].actions[0];
  CHECK(us.run_order == 2);
  CHECK(us.region.value() == "us-east-1");
  CHECK(us.namespace_name == "US");
  CHECK(us.config("TemplatePath") == "src::t.yaml");
  CHECK(us.input_artifacts[0].name == "src");
  CHECK(us.mark.line == 15);
}

TEST_CASE("a bare declaration (create-pipeline input) loads too") {
  auto r = pipeline_from_api(yaml(R"({"name": "p", "roleArn": "r",
    "artifactStore": {"type": "S3", "location": "b"}, "stages": []})"));
  REQUIRE(r.ok());
  CHECK(r.value.artifact_store->bucket() == "b");
  CHECK(r.value.store_for("any-region")->bucket() == "b");
}

TEST_CASE("wrong shapes are diagnostics at the offending node, not exceptions") {
  auto r =
      pipeline_from_cfn(yaml("RoleArn: r\n"
                             "ArtifactStore: {Type: S3, Location: b}\n"
                             "Stages:\n"
                             "  - Name: Source\n"
                             "    Actions:\n"
                             "      - Name: a\n"
                             "        ActionTypeID: {Category: Source}\n"
                             "        RunOrder: first\n"
                             "        InputArtifacts: src\n"));
  REQUIRE_FALSE(r.ok());
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics.items()) messages.push_back(d.mark.str() + " " + d.message);
  CHECK(messages == std::vector<std::string>{
                        "t.yaml:7:9 Encountered unsupported property ActionTypeID in action 'a'",
                        "t.yaml:6:9 action 'a' is missing the required property 'ActionTypeId'",
                        "t.yaml:8:19 RunOrder of action 'a' must be an integer from 1 to 999",
                        "t.yaml:9:25 action 'a' InputArtifacts must be a list",
                    });
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'ActionTypeId'?");
  // The model is still filled in as far as it could be.
  CHECK(r.value.stages.at(0).actions.at(0).name == "a");
}

TEST_CASE("the API loader names unknown keys the way botocore does") {
  auto r = pipeline_from_api(
      yaml(R"({"name": "p", "roleArn": "r", "stages": [], "artifactStroe": {}})"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics.items()[0].message == "Unknown parameter in pipeline: \"artifactStroe\"");
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'artifactStore'?");
}
