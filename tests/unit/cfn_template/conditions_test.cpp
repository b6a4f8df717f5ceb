// Condition functions and how conditions include resources and outputs.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "template_support.hpp"

using namespace cfn_test;
using namespace pipemu::cfn;

namespace {

const char* kTpl = R"(Parameters:
  Env: {Type: String, Default: prod}
Mappings:
  M: {eu-west-1: {Big: 'yes'}}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsEu: !Equals [!FindInMap [M, !Ref AWS::Region, Big], 'yes']
  Both: !And [!Condition IsProd, !Condition IsEu]
  Either: !Or [!Not [!Condition IsProd], !Equals [a, b]]
  Loop1: !Condition Loop2
  Loop2: !Condition Loop1
  BadAnd: !And [!Condition IsProd]
  BadOr: !Or [x, y]
  BadNot: !Not [a, b]
  BadEquals: !Equals [a]
Resources:
  Always: {Type: AWS::S3::Bucket}
  ProdOnly: {Type: AWS::S3::Bucket, Condition: Both}
Outputs:
  O1: {Value: !Ref Always}
  O2: {Value: !Ref ProdOnly, Condition: Either, Export: {Name: x}}
  O3: {Value: !GetAZs '', Export: {Name: !Sub '${AWS::StackName}-azs'}}
)";

Evaluator make(const Template& tpl, std::vector<ParameterInput> given = {}) {
  World w;
  w.physical_ids = {{"Always", "b-1"}};
  auto params = resolve_parameters(tpl, given, {}, nullptr);
  REQUIRE(params);
  return Evaluator(tpl, *params, w.context());
}

std::string cond(Evaluator& ev, const std::string& name) {
  auto r = ev.condition(name);
  return r ? (*r ? "true" : "false") : "ERROR: " + r.error().message;
}

}  // namespace

TEST_CASE("Fn::Equals, And, Or, Not and Condition") {
  auto tpl = parse_ok(kTpl);
  auto ev = make(tpl);
  CHECK(cond(ev, "IsProd") == "true");
  CHECK(cond(ev, "IsEu") == "true");
  CHECK(cond(ev, "Both") == "true");
  CHECK(cond(ev, "Either") == "false");
  auto dev = make(tpl, {{"Env", "dev"}});
  CHECK(cond(dev, "Both") == "false");
  CHECK(cond(dev, "Either") == "true");
}

TEST_CASE("malformed conditions fail with AWS's messages") {
  auto tpl = parse_ok(kTpl);
  auto ev = make(tpl);
  CHECK(cond(ev, "Loop1") == "ERROR: Template error: Condition Loop1 has a circular dependency");
  CHECK(cond(ev, "BadAnd") ==
        "ERROR: Template error: every Fn::And object requires a list of at least 2 and at most 10 boolean "
        "parameters.");
  CHECK(cond(ev, "BadOr") ==
        "ERROR: Template error: every Fn::Or object requires a list of at least 2 and at most 10 boolean "
        "parameters.");
  CHECK(cond(ev, "BadNot") == "ERROR: Template error: Fn::Not requires a list argument with one element");
  CHECK(cond(ev, "BadEquals") == "ERROR: Template error: Fn::Equals requires a list argument with two elements");
  CHECK(cond(ev, "Missing") ==
        "ERROR: Template format error: Unresolved condition dependencies [Missing] in the Resources block of the "
        "template");
}

TEST_CASE("conditions decide which resources and outputs exist") {
  auto tpl = parse_ok(kTpl);
  auto ev = make(tpl);
  CHECK(*ev.resource_included(*tpl.resource("ProdOnly")));
  auto dev = make(tpl, {{"Env", "dev"}});
  CHECK_FALSE(*dev.resource_included(*tpl.resource("ProdOnly")));
  auto outs = ev.outputs();
  REQUIRE(outs);
  REQUIRE(outs->size() == 2);  // O2's condition is false for prod
  CHECK((*outs)[0].value == "b-1");
  CHECK((*outs)[1].value == "eu-west-1a,eu-west-1b,eu-west-1c");
  CHECK(*(*outs)[1].export_name == "demo-azs");
}

TEST_CASE("resource_properties resolves a resource's properties") {
  auto tpl = parse_ok("Parameters:\n  Env: {Type: String, Default: dev}\nConditions:\n  P: !Equals [!Ref Env, prod]\n"
                      "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                      "      BucketName: !Sub '${AWS::StackName}-${Env}'\n"
                      "      Tags: [{Key: a, Value: !If [P, x, !Ref AWS::NoValue]}]\n"
                      "      VersioningConfiguration: !If [P, {Status: Enabled}, !Ref AWS::NoValue]\n");
  auto ev = make(tpl);
  auto props = ev.resource_properties("B");
  REQUIRE(props);
  CHECK(props->to_json().dump() == R"({"BucketName":"demo-dev","Tags":[{"Key":"a"}]})");
}
