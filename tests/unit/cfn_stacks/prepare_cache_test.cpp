// What `prepare` keeps between calls (engine/prepare.cpp): a body without transforms is processed
// and validated once, yet every call still binds its own parameters and reports errors in AWS's
// order; a body with a transform is expanded for each stack, since SAM output depends on the
// region's partition.
#include <catch2/catch.hpp>

#include <string>

#include "fakes/cloudformation/engine/prepare.hpp"

using namespace pipemu::cfn;

namespace {

PrepareInput input(const std::string& body, const std::string& stack, const std::string& region) {
  PrepareInput in;
  in.template_body = body;
  in.stack.stack_name = stack;
  in.stack.region = region;
  in.stack.stack_id = "arn:aws:cloudformation:" + region + ":123456789012:stack/" + stack + "/1";
  return in;
}

const char* kPlain = R"(
Parameters:
  Label:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Ref Label
)";

}  // namespace

TEST_CASE("a body without transforms is processed once and bound per call") {
  auto a = input(kPlain, "prepare-cache-a", "us-east-1");
  a.parameters = {{"Label", "first", false}};
  auto b = input(kPlain, "prepare-cache-b", "eu-west-1");
  b.parameters = {{"Label", "second", false}};
  auto pa = prepare(a);
  auto pb = prepare(b);
  REQUIRE(pa);
  REQUIRE(pb);
  CHECK(pa->tpl.get() == pb->tpl.get());
  CHECK(pa->processed_json == pb->processed_json);
  REQUIRE(pa->params.size() == 1);
  REQUIRE(pb->params.size() == 1);
  CHECK(pa->params[0].value == "first");
  CHECK(pb->params[0].value == "second");
  auto missing = input(kPlain, "prepare-cache-c", "us-east-1");
  auto pm = prepare(missing);
  REQUIRE_FALSE(pm);
  CHECK(pm.error().message == "Parameters: [Label] must have values");
}

TEST_CASE("missing capabilities are reported before template errors, on every call") {
  const std::string body = R"(
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Description: !Ref Nowhere
)";
  for (int call = 0; call < 2; ++call) {
    auto pr = prepare(input(body, "prepare-cache-iam", "us-east-1"));
    REQUIRE_FALSE(pr);
    CHECK(pr.error().code == "InsufficientCapabilitiesException");
    CHECK(pr.error().message == "Requires capabilities : [CAPABILITY_IAM]");
  }
  for (int call = 0; call < 2; ++call) {
    auto in = input(body, "prepare-cache-iam", "us-east-1");
    in.capabilities = {"CAPABILITY_IAM"};
    auto pr = prepare(in);
    REQUIRE_FALSE(pr);
    CHECK(pr.error().message.rfind("Template format error: Unresolved resource dependencies [Nowhere]", 0) == 0);
  }
}

TEST_CASE("a body with a transform is expanded for each stack's partition") {
  const std::string body = R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/code.zip
)";
  auto commercial = input(body, "prepare-cache-sam", "us-east-1");
  commercial.capabilities = {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"};
  auto china = input(body, "prepare-cache-sam", "cn-north-1");
  china.capabilities = commercial.capabilities;
  auto pc = prepare(commercial);
  auto pn = prepare(china);
  REQUIRE(pc);
  REQUIRE(pn);
  CHECK(pc->tpl.get() != pn->tpl.get());
  CHECK(pc->processed_json.find("arn:aws:iam::aws:policy/") != std::string::npos);
  CHECK(pn->processed_json.find("arn:aws-cn:iam::aws:policy/") != std::string::npos);
}
