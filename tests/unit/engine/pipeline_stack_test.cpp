// The pipeline template deployed first: missing SSM parameters and exports are named with their
// place in the template and the command that creates them; the pipeline comes from the stack.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/pipeline_stack.hpp"

using namespace pipemu;
using namespace pipemu::engine;

namespace {

std::string write(const std::string& name, const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / "pipemu-pstack" / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}

const char* kPipeline = R"(Parameters:
  Bucket:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /Env/Bucket
Resources:
  Pipe:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: demo
      RoleArn: !ImportValue PipelineRole
      ArtifactStore: {Type: S3, Location: !Ref Bucket}
      Stages:
        - Name: Source
          Actions:
            - Name: src
              ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: 1}
              Configuration: {Owner: o, Repo: r, Branch: main, OAuthToken: t}
              OutputArtifacts: [{Name: S}]
        - Name: Deploy
          Actions:
            - Name: d
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CREATE_UPDATE, StackName: x, TemplatePath: "S::t.yaml"}
              InputArtifacts: [{Name: S}]
)";

}  // namespace

TEST_CASE("missing SSM parameter and export are named with position and fix", "[pipeline-stack]") {
  LocalAws aws(std::nullopt);
  std::string path = write("p.yaml", kPipeline);
  auto r = deploy_pipeline_stack(aws, {path, "eu-west-1", "", {}});
  REQUIRE_FALSE(r);
  // CloudFormation's own message first, then pipemu's hints with positions and commands.
  CHECK(r.error() ==
        path + ": creating stack pipemu-p in eu-west-1 failed: Parameters: [/Env/Bucket] cannot be found.\n" +
        path + ":4:14: error: parameter Bucket reads SSM parameter /Env/Bucket, which does not exist in eu-west-1\n"
        "  create it: aws ssm put-parameter --region eu-west-1 --name /Env/Bucket --type String --value <value>\n"
        "  or override it: --param Bucket=<ssm parameter name>\n" +
        path + ":10:16: error: Fn::ImportValue PipelineRole: no stack in eu-west-1 exports PipelineRole\n"
        "  create it: aws cloudformation create-stack --region eu-west-1 --stack-name export-PipelineRole "
        "--template-body '{\"Resources\":{\"Nothing\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}},"
        "\"Outputs\":{\"Value\":{\"Value\":\"<value>\",\"Export\":{\"Name\":\"PipelineRole\"}}}}'");
}

TEST_CASE("the pipeline that runs is the one the stack created, with resolved values", "[pipeline-stack]") {
  LocalAws aws(std::nullopt);
  std::string boot = write("boot.yaml", R"(Resources:
  P: {Type: AWS::SSM::Parameter, Properties: {Name: /Env/Bucket, Type: String, Value: my-store}}
Outputs:
  R: {Value: "arn:aws:iam::123456789012:role/p", Export: {Name: PipelineRole}}
)");
  auto b = deploy_template_stack(aws, {boot, "eu-west-1", "boot", {}});
  REQUIRE(b);
  std::string path = write("p.yaml", kPipeline);
  auto r = deploy_pipeline_stack(aws, {path, "eu-west-1", "", {}});
  REQUIRE(r);
  CHECK(r->pipeline.name == "demo");
  REQUIRE(r->pipeline.artifact_store);
  CHECK(r->pipeline.artifact_store->bucket() == "my-store");
  CHECK(r->pipeline.role_arn.as_string() == "arn:aws:iam::123456789012:role/p");
  CHECK(r->stack.stack_name == "pipemu-p");
  CHECK(r->stack.status == "CREATE_COMPLETE");
  CHECK(r->notes.at(0) == "pipeline stack pipemu-p created in eu-west-1");
  auto again = deploy_pipeline_stack(aws, {path, "eu-west-1", "", {}});
  REQUIRE(again);
  CHECK(again->notes.at(0) == "pipeline stack pipemu-p unchanged in eu-west-1");
}

TEST_CASE("a YAML error in the pipeline template is shown with its position", "[pipeline-stack]") {
  LocalAws aws(std::nullopt);
  std::string path = write("bad.yaml", "Resources:\n  A: [1, 2\n");
  auto r = deploy_pipeline_stack(aws, {path, "eu-west-1", "", {}});
  REQUIRE_FALSE(r);
  CHECK(r.error().rfind(path + ": creating stack pipemu-bad in eu-west-1 failed: Template format error: "
                         "YAML not well-formed. (line 3, column 1)\n" + path + ":3:1: error:", 0) == 0);
  // Nothing was created: CreateStack refused the template.
  CHECK_FALSE(aws.cloudformation().describe_stacks({aws.account(), "eu-west-1"}, "pipemu-bad"));
}

TEST_CASE("CreatePipeline refuses a cross-region action without an artifact store there", "[pipeline-stack]") {
  LocalAws aws(std::nullopt);
  std::string path = write("stores.yaml", R"(Resources:
  Pipe:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: demo
      RoleArn: arn:aws:iam::123456789012:role/p
      ArtifactStores:
        - {Region: eu-west-1, ArtifactStore: {Type: S3, Location: store-eu}}
      Stages:
        - Name: Source
          Actions:
            - Name: src
              ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: 1}
              Configuration: {Owner: o, Repo: r, Branch: main, OAuthToken: t}
              OutputArtifacts: [{Name: S}]
        - Name: Deploy
          Actions:
            - Name: au
              Region: ap-southeast-2
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CREATE_UPDATE, StackName: x, TemplatePath: "S::t.yaml"}
              InputArtifacts: [{Name: S}]
)");
  auto r = deploy_pipeline_stack(aws, {path, "eu-west-1", "", {}});
  REQUIRE_FALSE(r);
  std::string prefix = path + ": stack pipemu-stores in eu-west-1 is ROLLBACK_COMPLETE: Pipe (AWS::CodePipeline::Pipeline): "
                       "action 'au' runs in ap-southeast-2, but ArtifactStores has no entry for ap-southeast-2; "
                       "CodePipeline copies the action's input artifacts to that region's bucket before it runs "
                       "(Service: AWSCodePipeline; Status Code: 400; Error Code: InvalidStructureException; Request ID: ";
  CHECK(r.error().rfind(prefix, 0) == 0);
  CHECK(r.error().find("; Proxy: null)") != std::string::npos);
  // Nothing ran anywhere: the stack rolled back, no Sydney stack exists.
  auto au = aws.cloudformation().list_stacks({aws.account(), "ap-southeast-2"});
  CHECK((!au || au->empty()));
}
