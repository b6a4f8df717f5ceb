#include "scenario_support.hpp"

#include <stdlib.h>

namespace pipemu::test {

namespace fs = std::filesystem;

TempFolder::TempFolder() {
  std::string t = (fs::temp_directory_path() / "pipemu-scenario-test-XXXXXX").string();
  char* made = mkdtemp(t.data());
  path = made ? made : t;
}

TempFolder::~TempFolder() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

std::string TempFolder::write(const std::string& rel, const std::string& text) const {
  fs::path p = path / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
  return p.string();
}

engine::ActionRecord action(const std::string& name, engine::Status status, long started, long finished,
                            const std::string& region) {
  engine::ActionRecord a;
  a.name = name;
  a.status = status;
  a.region = region;
  a.started = started ? 1000 + started : 0;
  a.finished = finished ? 1000 + finished : 0;
  return a;
}

const char* kPipelineYaml = R"(Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: demo
      RoleArn: arn:aws:iam::123456789012:role/p
      ArtifactStores:
        - Region: us-east-1
          ArtifactStore: {Type: S3, Location: demo-us}
        - Region: eu-west-1
          ArtifactStore: {Type: S3, Location: demo-eu}
      Stages:
        - Name: Source
          Actions:
            - Name: source
              ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: 1}
              Configuration: {Owner: a, Repo: b, Branch: main, OAuthToken: t}
              OutputArtifacts: [{Name: src}]
        - Name: Build
          Actions:
            - Name: build
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1}
              Configuration: {ProjectName: p}
              InputArtifacts: [{Name: src}]
              OutputArtifacts: [{Name: out}]
        - Name: Deploy
          Actions:
            - Name: eu-deploy
              Region: eu-west-1
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CREATE_UPDATE, StackName: s, TemplatePath: out::t.yaml}
              InputArtifacts: [{Name: out}]
            - Name: us-deploy
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CREATE_UPDATE, StackName: s, TemplatePath: out::t.yaml}
              InputArtifacts: [{Name: out}]
)";

}  // namespace pipemu::test
