#include "scenario/scaffold.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace pipemu::scenario {

namespace fs = std::filesystem;

namespace {

// {name} is replaced by the scenario's name.
constexpr const char* kScenario = R"(name: {name}
description: |
  What this scenario teaches: say what the team does, what AWS does in response,
  and which message they will see. This text is shown in reports.
given:
  pipeline: pipeline.yaml
  executor: local
  repository:
    fixture: repo
    branch: main
  state:
    us-east-1:
      buckets: [{name}-artifacts]
when:
  push: main
then:
  status: Succeeded
  stages: {Source: Succeeded, Build: Succeeded, Deploy: Succeeded}
  order:
    - before: [build, deploy]
  artifacts:
    out: {files: [stack.yaml]}
  stacks:
    us-east-1:
      {name}-app: {status: CREATE_COMPLETE, resources: {Topic: AWS::SNS::Topic}}
  exports:
    us-east-1: {{name}-topic: "*"}
)";

constexpr const char* kPipeline = R"(Description: A one-region pipeline for the {name} scenario.
Resources:
  BuildProject:
    Type: AWS::CodeBuild::Project
    Properties:
      Name: {name}-build
      Artifacts: {Type: CODEPIPELINE}
      Environment:
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        Type: LINUX_CONTAINER
      ServiceRole: arn:aws:iam::123456789012:role/codebuild
      Source: {Type: CODEPIPELINE}
      TimeoutInMinutes: 5
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: {name}
      RoleArn: arn:aws:iam::123456789012:role/codepipeline
      ArtifactStore: {Type: S3, Location: {name}-artifacts}
      Stages:
        - Name: Source
          Actions:
            - Name: source
              ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: 1}
              Configuration: {Owner: acme, Repo: {name}, Branch: main, OAuthToken: not-a-token, PollForSourceChanges: false}
              OutputArtifacts: [{Name: src}]
        - Name: Build
          Actions:
            - Name: build
              ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: 1}
              Configuration: {ProjectName: !Ref BuildProject}
              InputArtifacts: [{Name: src}]
              OutputArtifacts: [{Name: out}]
        - Name: Deploy
          Actions:
            - Name: deploy
              ActionTypeId: {Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: 1}
              Configuration:
                ActionMode: CREATE_UPDATE
                StackName: {name}-app
                TemplatePath: out::stack.yaml
              InputArtifacts: [{Name: out}]
)";

constexpr const char* kBuildspec = R"(version: 0.2
phases:
  build:
    commands:
      - sh test.sh
artifacts:
  files:
    - stack.yaml
)";

constexpr const char* kTest = R"(#!/bin/sh
# The service's unit tests: replace with the real ones.
test -f stack.yaml
)";

constexpr const char* kStack = R"(Resources:
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  TopicArn:
    Value: !Ref Topic
    Export:
      Name: {name}-topic
)";

std::string fill(std::string text, const std::string& name) {
  for (size_t at; (at = text.find("{name}")) != std::string::npos;) text.replace(at, 6, name);
  return text;
}

}  // namespace

Expected<std::string, std::string> scaffold(const std::string& parent, const std::string& name) {
  bool ok = !name.empty() && name.size() <= 40 && std::isalnum(static_cast<unsigned char>(name[0]));
  for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok)
    return unexpected(fmt::format("scenario name '{}' must be 1-40 of a-z, 0-9 and '-', starting with a letter or digit", name));
  fs::path dir = fs::path(parent) / name;
  if (fs::exists(dir)) return unexpected(fmt::format("{} already exists", dir.string()));
  std::error_code ec;
  fs::create_directories(dir / "repo", ec);
  if (ec) return unexpected(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
  const std::pair<const char*, const char*> files[] = {{"scenario.yaml", kScenario},
                                                       {"pipeline.yaml", kPipeline},
                                                       {"repo/buildspec.yml", kBuildspec},
                                                       {"repo/test.sh", kTest},
                                                       {"repo/stack.yaml", kStack}};
  for (const auto& [rel, text] : files) {
    std::ofstream out(dir / rel);
    out << fill(text, name);
    if (!out) return unexpected(fmt::format("cannot write {}", (dir / rel).string()));
  }
  return dir.string();
}

}  // namespace pipemu::scenario
