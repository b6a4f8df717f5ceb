// Parameter binding: defaults, previous values, constraints, SSM types.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/parameters.hpp"
#include "template_support.hpp"

using namespace cfn_test;
using namespace pipemu::cfn;

namespace {

std::map<std::string, std::string> kSsm = {{"/cfg/ami", "ami-123"}, {"/cfg/subnets", "s-1,s-2"}};

SsmLookup ssm() {
  return [](const std::string& n) -> std::optional<std::string> {
    auto it = kSsm.find(n);
    return it == kSsm.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

std::string bind(const std::string& params_yaml, std::vector<ParameterInput> given,
                 std::map<std::string, std::string> previous = {}) {
  auto tpl = parse_ok("Parameters:\n" + params_yaml + "Resources:\n  B: {Type: AWS::S3::Bucket}\n");
  auto r = resolve_parameters(tpl, given, previous, ssm());
  if (!r) return "ERROR: " + r.error().message;
  std::string out;
  for (const auto& p : *r) {
    out += p.key + "=" + p.value;
    if (p.resolved_value) out += "->" + *p.resolved_value;
    out += " " + p.ref_value.to_json().dump() + ";";
  }
  return out;
}

}  // namespace

TEST_CASE("values come from input, then previous values, then defaults") {
  const std::string decl = "  A: {Type: String, Default: da}\n  B: {Type: String}\n";
  CHECK(bind(decl, {{"B", "given"}}) == R"(A=da "da";B=given "given";)");
  CHECK(bind(decl, {{"A", "x"}, {"B", std::nullopt, true}}, {{"B", "old"}}) == R"(A=x "x";B=old "old";)");
  CHECK(bind(decl + "  C: {Type: Number}\n", {}) == "ERROR: Parameters: [B, C] must have values");
  CHECK(bind(decl, {{"B", "x"}, {"Zed", "y"}}) == "ERROR: Parameters: [Zed] do not exist in the template");
}

TEST_CASE("list types yield lists to Ref") {
  CHECK(bind("  L: {Type: CommaDelimitedList, Default: 'a, b'}\n", {}) == R"(L=a, b ["a","b"];)");
  CHECK(bind("  N: {Type: 'List<Number>'}\n", {{"N", "1,2"}}) == R"(N=1,2 ["1","2"];)");
  CHECK(bind("  N: {Type: 'List<Number>'}\n", {{"N", "1,x"}}) == "ERROR: Parameter 'N' must be a number");
}

TEST_CASE("constraints fail with AWS's messages") {
  CHECK(bind("  E: {Type: String, AllowedValues: [dev, prod]}\n", {{"E", "test"}}) ==
        "ERROR: Parameter 'E' must be one of AllowedValues");
  CHECK(bind("  E: {Type: String, AllowedPattern: '[a-z]+'}\n", {{"E", "AB"}}) ==
        "ERROR: Parameter 'E' must match pattern [a-z]+");
  CHECK(bind("  E: {Type: String, MinLength: 3}\n", {{"E", "ab"}}) ==
        "ERROR: Parameter 'E' must contain at least 3 characters");
  CHECK(bind("  E: {Type: String, MaxLength: 2}\n", {{"E", "abc"}}) ==
        "ERROR: Parameter 'E' must contain at most 2 characters");
  CHECK(bind("  N: {Type: Number, MinValue: 1, MaxValue: 10}\n", {{"N", "0"}}) ==
        "ERROR: Parameter 'N' must be a number not less than 1");
  CHECK(bind("  N: {Type: Number, MinValue: 1, MaxValue: 10}\n", {{"N", "11"}}) ==
        "ERROR: Parameter 'N' must be a number not greater than 10");
  CHECK(bind("  N: {Type: Number}\n", {{"N", "ten"}}) == "ERROR: Parameter 'N' must be a number");
  CHECK(bind("  E: {Type: String, AllowedPattern: '[a-z]+', ConstraintDescription: 'lower case only'}\n",
             {{"E", "AB"}}) == "ERROR: Parameter 'E' failed to satisfy constraint: lower case only");
  CHECK(bind("  E: {Type: String, AllowedPattern: '[a-z'}\n", {{"E", "a"}}).rfind("ERROR: Template format error", 0) == 0);
}

TEST_CASE("SSM parameter types resolve through the lookup and report the resolved value") {
  CHECK(bind("  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /cfg/ami}\n", {}) ==
        R"(Ami=/cfg/ami->ami-123 "ami-123";)");
  CHECK(bind("  S: {Type: 'AWS::SSM::Parameter::Value<List<String>>'}\n", {{"S", "/cfg/subnets"}}) ==
        R"(S=/cfg/subnets->s-1,s-2 ["s-1","s-2"];)");
  CHECK(bind("  A: {Type: 'AWS::SSM::Parameter::Value<String>'}\n  B: {Type: 'AWS::SSM::Parameter::Value<String>'}\n",
             {{"A", "/nope/a"}, {"B", "/nope/b"}}) == "ERROR: Parameters: [/nope/a, /nope/b] cannot be found.");
  CHECK(bind("  N: {Type: 'AWS::SSM::Parameter::Name', Default: /cfg/ami}\n", {}) == R"(N=/cfg/ami "/cfg/ami";)");
}
