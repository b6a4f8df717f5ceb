#pragma once
// A small valid cross-region pipeline template; each rule test breaks one thing in it.
#include <catch2/catch.hpp>
#include <string>

namespace pipemu::test {

inline const std::string kBase = R"(Parameters:
  EuBucket: {Type: String}
  UsBucket: {Type: String}
Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Artifacts: {Type: CODEPIPELINE}
      Environment: {ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:2.0, Type: LINUX_CONTAINER}
      ServiceRole: arn:aws:iam::123456789012:role/cb
      Source: {Type: CODEPIPELINE, BuildSpec: ci/buildspec.yml}
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: p
      RoleArn: arn:aws:iam::123456789012:role/cp
      ArtifactStores:
        - Region: eu-west-1
          ArtifactStore: {Type: S3, Location: !Ref EuBucket}
        - Region: us-east-1
          ArtifactStore: {Type: S3, Location: !Ref UsBucket}
      Stages:
        - Name: Source
          Actions:
            - Name: source
              ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: 1}
              Configuration: {Owner: o, Repo: r, Branch: main, OAuthToken: t, PollForSourceChanges: false}
              OutputArtifacts: [{Name: src}]
        - Name: Build
          Actions:
            - Name: build
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1}
              Configuration: {ProjectName: !Ref Build}
              InputArtifacts: [{Name: src}]
              OutputArtifacts: [{Name: package}]
        - Name: Deploy
          Actions:
            - Name: us-replace
              Region: us-east-1
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CHANGE_SET_REPLACE, StackName: s, ChangeSetName: cs, RoleArn: r, TemplatePath: package::us.yaml}
              InputArtifacts: [{Name: package}]
              RunOrder: 1
            - Name: us-execute
              Region: us-east-1
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration: {ActionMode: CHANGE_SET_EXECUTE, StackName: s, ChangeSetName: cs}
              RunOrder: 2
  Hook:
    Type: AWS::CodePipeline::Webhook
    Properties:
      Authentication: GITHUB_HMAC
      AuthenticationConfiguration: {SecretToken: s}
      Filters: [{JsonPath: "$.ref", MatchEquals: "refs/heads/{Branch}"}]
      TargetPipeline: !Ref Pipeline
      TargetAction: source
      TargetPipelineVersion: !GetAtt Pipeline.Version
)";

inline const std::string kBaseBuildspec = R"(version: 0.2
phases:
  build:
    commands:
      - make
artifacts:
  files:
    - us.yaml
)";

// kBase with `from` replaced by `to`; fails the test when `from` is not there.
inline std::string with(const std::string& from, const std::string& to, std::string text = kBase) {
  size_t at = text.find(from);
  if (at == std::string::npos) FAIL("fixture text not found: " << from);
  return text.replace(at, from.size(), to);
}

}  // namespace pipemu::test
