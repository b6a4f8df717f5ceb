// One broken variant per rule: the base pipeline is clean, each case breaks one thing and
// expects exactly that rule at exactly that place.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "base_pipeline.hpp"
#include "model/loader.hpp"
#include "validate_test_support.hpp"

using namespace pipemu::test;
using V = std::vector<std::string>;

TEST_CASE("the base pipeline is clean, with and without its buildspec") {
  auto r = check(kBase);
  INFO(rendered(r));
  CHECK(r.diagnostics.items().empty());
  auto b = pipemu::model::validate::validate_text("t.yaml", kBase, {"eu-west-1"},
                                                  "repo/ci/buildspec.yml", kBaseBuildspec);
  INFO(rendered(b));
  CHECK(b.diagnostics.items().empty());
  CHECK(b.buildspec_checked);
}

TEST_CASE("ref-undefined: a Ref to a name defined nowhere, with AWS's message") {
  auto r = check(with("Location: !Ref UsBucket", "Location: !Ref UsBuckett"));
  CHECK(rendered(r) ==
        "t.yaml:21:47: error: Template format error: Unresolved resource dependencies [UsBuckett] "
        "in the Resources "
        "block of the template [ref-undefined]\n"
        "            ArtifactStore: {Type: S3, Location: !Ref UsBuckett}\n"
        "                                                ^\n"
        "  hint: did you mean 'UsBucket'?\n");
}

TEST_CASE("getatt-undefined: Fn::GetAtt and Fn::Sub on an undefined resource") {
  auto r = check(with("!GetAtt Pipeline.Version", "!GetAtt Pipe.Version"));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message ==
        "Template error: instance of Fn::GetAtt references undefined resource Pipe");
  auto sub =
      check(with("ServiceRole: arn:aws:iam::123456789012:role/cb",
                 "ServiceRole: !Sub 'arn:aws:iam::${AWS::AccountId}:role/${Role}-${Pipelin.Arn}'"));
  CHECK(rules(sub) == V{"10:20 ref-undefined", "10:20 getatt-undefined"});
}

TEST_CASE("resource-type-unknown: warning with did-you-mean, the resource is kept") {
  auto r = check(with("Type: AWS::CodeBuild::Project", "Type: AWS::CodeBuild::Projekt"));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].severity == pipemu::model::Severity::Warning);
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'AWS::CodeBuild::Project'?");
  CHECK(r.resources == 3);
  auto malformed = check(with("Type: AWS::CodeBuild::Project", "Type: AWS:CodeBuild:Project"));
  CHECK(malformed.diagnostics.items().at(0).message ==
        "Template format error: Unrecognized resource types: [AWS:CodeBuild:Project]");
}

TEST_CASE("pipeline-duplicate-stage and pipeline-duplicate-action") {
  auto stage = check(with("- Name: Deploy", "- Name: Build"));
  CHECK(rules(stage) == V{"36:17 pipeline-duplicate-stage"});
  auto action = check(with("- Name: us-execute", "- Name: us-replace"));
  CHECK(rules(action) == V{"44:21 pipeline-duplicate-action"});
}

TEST_CASE("artifact-duplicate-output uses AWS's message") {
  auto r = check(with("OutputArtifacts: [{Name: package}]", "OutputArtifacts: [{Name: src}]"));
  REQUIRE(r.diagnostics.error_count() >= 1);
  CHECK(r.diagnostics.items()[0].message ==
        "Output Artifact Bundle name must be unique within the pipeline. src has been used more "
        "than once.");
  CHECK(r.diagnostics.items()[0].mark.line == 35);
}

TEST_CASE("artifact-input-unknown and artifact-input-order") {
  auto unknown = check(with("InputArtifacts: [{Name: src}]", "InputArtifacts: [{Name: srcc}]"));
  CHECK(rules(unknown) == V{"34:39 artifact-input-unknown"});
  CHECK(unknown.diagnostics.items()[0].hint == "did you mean 'src'?");
  // The deploy action reads `package` but runs in the same stage as ... a producer with the same
  // RunOrder.
  std::string same_order = with("InputArtifacts: [{Name: package}]\n              RunOrder: 1",
                                "InputArtifacts: [{Name: out2}]\n              RunOrder: 2");
  same_order = with("ChangeSetName: cs}\n              RunOrder: 2",
                    "ChangeSetName: cs}\n              OutputArtifacts: [{Name: out2}]\n           "
                    "   RunOrder: 2",
                    same_order);
  auto order = check(same_order);
  CHECK(rules(order) ==
        V{"41:122 cfn-template-path", "42:39 artifact-input-order", "49:25 cfn-change-set-order"});
}

TEST_CASE("action-run-order: 1 to 999") {
  auto r = check(with("RunOrder: 2", "RunOrder: 1000"));
  CHECK(first_line(r) ==
        "t.yaml:48:25: error: RunOrder 1000 of action 'us-execute' is out of range; CodePipeline "
        "accepts 1 to 999 [action-run-order]");
}

TEST_CASE("source-stage: Source actions only in the first stage, and only Source there") {
  auto moved = check(with("Category: Build, Owner: AWS, Provider: CodeBuild",
                          "Category: Source, Owner: AWS, Provider: CodeBuild"));
  CHECK(rules(moved) == V{"31:21 source-stage"});
  auto first =
      check(with("Category: Source, Owner: ThirdParty", "Category: Build, Owner: ThirdParty"));
  CHECK(rules(first) ==
        V{"23:17 source-stage", "25:21 source-stage", "56:21 webhook-target-action"});
}

TEST_CASE("pipeline-stage-count uses AWS's message") {
  std::string one_stage = R"(Resources:
  P:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: r
      ArtifactStore: {Type: S3, Location: bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: s
              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: 1}
              Configuration: {S3Bucket: b, S3ObjectKey: k.zip}
              OutputArtifacts: [{Name: src}]
)";
  auto r = check(one_stage);
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message ==
        "Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline");
}

TEST_CASE("region-store-missing: an action region without an ArtifactStores entry") {
  auto r = check(with("- Name: us-execute\n              Region: us-east-1",
                      "- Name: us-execute\n              Region: us-west-2"));
  // The execute action also loses its change set, which lives in us-east-1.
  CHECK(rules(r) == V{"44:21 cfn-change-set-order", "45:23 region-store-missing"});
  CHECK(r.diagnostics.items()[1].message ==
        ("action 'us-execute' runs in us-west-2, but ArtifactStores has no entry for "
         "us-west-2; CodePipeline copies the action's input artifacts to that region's bucket "
         "before it "
         "runs"));
  // The pipeline's own region needs a store too.
  auto own = check(kBase, "ap-southeast-2");
  CHECK(rules(own) == V{"18:9 region-store-missing"});
}

TEST_CASE("region-invalid uses AWS's message; region-cross-source; artifact-store") {
  auto bad = check(with("- Region: us-east-1", "- Region: us-east-l"));
  CHECK(bad.diagnostics.items().at(0).message ==
        "The region us-east-l specified in 'pipeline.artifactStores' is not a valid AWS Region.");
  CHECK(bad.diagnostics.items().at(0).hint == "did you mean 'us-east-1'?");
  auto source =
      check(with("- Name: source\n", "- Name: source\n              Region: us-east-1\n"));
  CHECK(rules(source) == V{"26:23 region-cross-source"});
  auto both =
      check(with("      ArtifactStores:\n",
                 "      ArtifactStore: {Type: S3, Location: b-1}\n      ArtifactStores:\n"));
  CHECK(rules(both) == V{"17:22 artifact-store"});
}

TEST_CASE("single ArtifactStore with a cross-region action") {
  std::string t = with(
      "      ArtifactStores:\n        - Region: eu-west-1\n          ArtifactStore: {Type: S3, "
      "Location: !Ref EuBucket}\n"
      "        - Region: us-east-1\n          ArtifactStore: {Type: S3, Location: !Ref UsBucket}\n",
      "      ArtifactStore: {Type: S3, Location: !Ref EuBucket}\n");
  auto r = check(t);
  CHECK(rules(r) == V{"35:23 region-store-missing", "41:23 region-store-missing"});
}

TEST_CASE("cfn actions: required configuration per ActionMode, unknown keys, ActionMode values") {
  auto missing =
      check(with("StackName: s, ChangeSetName: cs, RoleArn: r,", "StackName: s, RoleArn: r,"));
  CHECK(missing.diagnostics.items().at(0).message ==
        "Action configuration for action 'us-replace' is missing required configuration "
        "'ChangeSetName' (required with "
        "ActionMode CHANGE_SET_REPLACE)");
  auto unknown = check(with("StackName: s, ChangeSetName: cs}",
                            "StackName: s, ChangeSetName: cs, Capability: CAPABILITY_IAM}"));
  CHECK(rules(unknown) == V{"47:96 action-config-unknown"});
  CHECK(unknown.diagnostics.items()[0].hint == "did you mean 'Capabilities'?");
  auto mode = check(with("ActionMode: CHANGE_SET_EXECUTE", "ActionMode: CHANGESET_EXECUTE"));
  CHECK(mode.diagnostics.items().at(0).hint == "did you mean 'CHANGE_SET_EXECUTE'?");
  auto caps = check(
      with("RoleArn: r, TemplatePath",
           "RoleArn: r, Capabilities: 'CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND', TemplatePath"));
  CHECK(caps.diagnostics.items().at(0).message ==
        "Capabilities of action 'us-replace' must be comma-separated without spaces");
}

TEST_CASE("cfn-template-path: the form Artifact::path, from one of the action's inputs") {
  auto form = check(with("TemplatePath: package::us.yaml", "TemplatePath: package/us.yaml"));
  CHECK(rendered(form) ==
        "t.yaml:41:122: error: TemplatePath 'package/us.yaml' of action 'us-replace' must have the "
        "form "
        "ArtifactName::path/in/artifact [cfn-template-path]\n"
        "                Configuration: {ActionMode: CHANGE_SET_REPLACE, StackName: s, "
        "ChangeSetName: cs, RoleArn: r, "
        "TemplatePath: package/us.yaml}\n" +
            std::string(2 + 121, ' ') + "^\n" + "  hint: e.g. 'package::package/us.yaml'\n");
  auto input = check(with("TemplatePath: package::us.yaml", "TemplatePath: src::us.yaml"));
  CHECK(input.diagnostics.items().at(0).message ==
        "TemplatePath of action 'us-replace' reads artifact 'src', which is not one of the "
        "action's input artifacts");
  CHECK(input.diagnostics.items().at(0).hint ==
        "the action's inputs are package; add 'src' to InputArtifacts");
}

TEST_CASE(
    "cfn-change-set-order: execute needs an earlier replace of the same stack, change set and "
    "region") {
  auto order = check(with("RunOrder: 2", "RunOrder: 1"));
  CHECK(rules(order) == V{"48:25 cfn-change-set-order"});
  auto name = check(with("ActionMode: CHANGE_SET_EXECUTE, StackName: s, ChangeSetName: cs",
                         "ActionMode: CHANGE_SET_EXECUTE, StackName: s, ChangeSetName: other"));
  REQUIRE(name.diagnostics.items().size() == 1);
  CHECK(name.diagnostics.items()[0].hint ==
        "'us-replace' creates change set 'cs' of that stack; use the same ChangeSetName");
  auto region = check(with("- Name: us-execute\n              Region: us-east-1",
                           "- Name: us-execute\n              Region: eu-west-1"));
  CHECK(
      region.diagnostics.items().at(0).message ==
      "CHANGE_SET_EXECUTE action 'us-execute' executes change set 'cs' of stack 's' in eu-west-1, "
      "but no earlier "
      "CHANGE_SET_REPLACE action creates it; at run time CloudFormation answers ChangeSetNotFound");
}

TEST_CASE("action-config-required and action-artifact-count for known providers") {
  auto req = check(
      with("Configuration: {ProjectName: !Ref Build}", "Configuration: {PrimarySource: src}"));
  CHECK(rules(req) == V{"31:21 action-config-required"});
  CHECK(req.diagnostics.items()[0].message ==
        "Action configuration for action 'build' is missing required configuration 'ProjectName'");
  auto count = check(with("InputArtifacts: [{Name: src}]\n", "InputArtifacts: []\n"));
  CHECK(count.diagnostics.items().at(0).message ==
        "Action build declares 0 input artifacts which is less than the minimum count (1)");
}

TEST_CASE("webhook-target-action: TargetAction names the source action") {
  auto r = check(with("TargetAction: source", "TargetAction: sourc"));
  CHECK(rendered(r) ==
        "t.yaml:56:21: error: TargetAction 'sourc' is not an action of pipeline 'p' "
        "[webhook-target-action]\n"
        "        TargetAction: sourc\n"
        "                      ^\n"
        "  hint: did you mean 'source'?\n");
  auto not_source = check(with("TargetAction: source", "TargetAction: build"));
  CHECK(rules(not_source) == V{"56:21 webhook-target-action"});
}

TEST_CASE("webhook-placeholder: {Key} names a configuration key of the source action") {
  auto r = check(with("refs/heads/{Branch}", "refs/heads/{branch}"));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message ==
        "MatchEquals 'refs/heads/{branch}' uses {branch}, but source action 'source' has no "
        "configuration key "
        "'branch'; CodePipeline replaces {Key} with the action's configuration value");
  CHECK(r.diagnostics.items()[0].hint == "did you mean '{Branch}'?");
}

TEST_CASE("webhook-poll and webhook-auth") {
  auto poll = check(with(", PollForSourceChanges: false}", "}"));
  CHECK(rules(poll) == V{"25:21 webhook-poll"});
  CHECK(poll.diagnostics.warning_count() == 1);
  auto auth = check(with("Authentication: GITHUB_HMAC", "Authentication: GITHUB_HMAC256"));
  CHECK(rules(auth) == V{"52:23 webhook-auth"});
}

TEST_CASE("unsupported properties carry CloudFormation's message") {
  auto r = check(with("      RoleArn: arn:aws:iam::123456789012:role/cp",
                      "      RoleARN: arn:aws:iam::123456789012:role/cp"));
  CHECK(rules(r) == V{"15:7 pipeline-shape", "16:7 unsupported-property"});
  CHECK(r.diagnostics.items()[1].message ==
        "Encountered unsupported property RoleARN in AWS::CodePipeline::Pipeline");
}

TEST_CASE("JSON templates and get-pipeline output are validated too") {
  // The base template as JSON (long-form intrinsics), with one broken RunOrder.
  auto yaml = pipemu::model::load_text("t.yaml", with("RunOrder: 2", "RunOrder: 0"));
  REQUIRE(yaml.has_value());
  auto json =
      pipemu::model::validate::validate_text("t.json", yaml->to_json().dump(1), {"eu-west-1"});
  // Keys come out sorted, so the line differs from the YAML; the mark still points at the value.
  CHECK(rules(json) == V{"173:21 action-run-order", "173:21 cfn-change-set-order"});
  CHECK(rendered(json).find("\n          \"RunOrder\": 0\n") != std::string::npos);
  auto api = pipemu::model::validate::validate_text("p.json", R"({
  "pipeline": {
    "name": "p", "roleArn": "r",
    "artifactStores": {"eu-west-1": {"type": "S3", "location": "bucket-eu"}},
    "stages": [
      {"name": "Source", "actions": [{"name": "s",
        "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
        "configuration": {"S3Bucket": "b", "S3ObjectKey": "k.zip"}, "outputArtifacts": [{"name": "src"}]}]},
      {"name": "Deploy", "actions": [{"name": "d", "region": "us-east-1",
        "actionTypeId": {"category": "Deploy", "owner": "AWS", "provider": "CloudFormation", "version": "1"},
        "configuration": {"ActionMode": "CREATE_UPDATE", "StackName": "s", "RoleArn": "r",
                          "TemplatePath": "src::t.yaml"},
        "inputArtifacts": [{"name": "src"}]}]}
    ]
  },
  "metadata": {}
})",
                                                    {});
  CHECK(rules(api) == V{"9:62 region-store-missing"});
  REQUIRE(api.pipelines.size() == 1);
  CHECK(api.pipelines[0].name == "p");
  CHECK(api.pipelines[0].region == "eu-west-1");
}

TEST_CASE("codebuild-enum: ComputeType, environment Type and cache values") {
  auto r = check(with("ComputeType: BUILD_GENERAL1_SMALL", "ComputeType: BUILD_GENERAL_SMALL"));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].rule == "codebuild-enum");
  CHECK(r.diagnostics.items()[0].hint == "did you mean 'BUILD_GENERAL1_SMALL'?");
  CHECK(r.diagnostics.items()[0].mark.line == 9);
  auto cache = check(with("      ServiceRole:", "      Cache: {Type: LOCAL}\n      ServiceRole:"));
  CHECK(rules(cache) == V{"10:14 codebuild-enum"});
  auto mode =
      check(with("      ServiceRole:",
                 "      Cache: {Type: LOCAL, Modes: [LOCAL_DOCKER_CACHE]}\n      ServiceRole:"));
  CHECK(mode.diagnostics.items().at(0).hint == "did you mean 'LOCAL_DOCKER_LAYER_CACHE'?");
}
