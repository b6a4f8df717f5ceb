// The Rules section: assertions over parameters.
#include <catch2/catch.hpp>

#include "template_support.hpp"

using namespace cfn_test;
using namespace pipemu::cfn;

namespace {

const char* kTpl = R"(Parameters:
  Env: {Type: String, Default: prod}
  Size: {Type: String, Default: m5.large}
  Subnets: {Type: CommaDelimitedList, Default: 'a,b'}
Rules:
  ProdSize:
    RuleCondition: !Equals [!Ref Env, prod]
    Assertions:
      - Assert: {Fn::Contains: [[m5.large, m5.xlarge], !Ref Size]}
        AssertDescription: For prod, Size must be m5.large or m5.xlarge
  SubnetsKnown:
    Assertions:
      - Assert: {Fn::EachMemberIn: [!Ref Subnets, [a, b, c]]}
      - Assert: !Not [{Fn::EachMemberEquals: [!Ref Subnets, c]}]
Resources:
  B: {Type: AWS::S3::Bucket}
)";

std::string rules(std::vector<ParameterInput> given) {
  auto tpl = parse_ok(kTpl);
  auto params = resolve_parameters(tpl, given, {}, nullptr);
  REQUIRE(params);
  Evaluator ev(tpl, *params, World{}.context());
  auto r = ev.check_rules();
  return r ? "ok" : r.error().message;
}

}  // namespace

TEST_CASE("rules assert over parameters with their descriptions") {
  CHECK(rules({}) == "ok");
  CHECK(rules({{"Size", "t3.micro"}}) == "For prod, Size must be m5.large or m5.xlarge");
  CHECK(rules({{"Env", "dev"}, {"Size", "t3.micro"}}) == "ok");  // RuleCondition false
  CHECK(rules({{"Subnets", "a,z"}}) == "Template validation error: rule SubnetsKnown failed");
  CHECK(rules({{"Subnets", "c,c"}}) == "Template validation error: rule SubnetsKnown failed");
}
