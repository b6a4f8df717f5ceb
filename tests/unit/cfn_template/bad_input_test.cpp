// Hostile templates: deep nesting, thousands of resources, wrong shapes everywhere. Each must
// end in a ValidationError (with a position where there is one) or succeed; never crash or hang.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fakes/cloudformation/template/graph.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "model/text.hpp"
#include "template_support.hpp"

using namespace pipemu;
using namespace pipemu::cfn;

namespace {

std::string nested_json(int levels, const std::string& open, const std::string& close, const std::string& leaf) {
  std::string s;
  for (int i = 0; i < levels; ++i) s += open;
  s += leaf;
  for (int i = 0; i < levels; ++i) s += close;
  return s;
}

}  // namespace

TEST_CASE("10,000 levels of nesting in the text fail as not well-formed or too deep") {
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"[", "]"}, {"{\"a\":", "}"}, {"{\"Fn::Base64\":", "}"}}) {
    std::string body = "{\"Resources\":{\"A\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"P\":" +
                       nested_json(10000, open, close, "\"x\"") + "}}}}";
    std::string r = cfn_test::run_pipeline("deep.json", body);
    INFO(open);
    CHECK(r.rfind("Template format error:", 0) == 0);
  }
}

TEST_CASE("10,000 levels of nesting built in memory fail with the nesting error, not a stack overflow") {
  model::Node leaf = model::Node::scalar("x");
  for (int i = 0; i < 10000; ++i) {
    model::Node outer = model::Node::map();
    outer.set("Fn::Base64", std::move(leaf));
    leaf = std::move(outer);
  }
  model::Node root = model::Node::map();
  model::Node resources = model::Node::map();
  model::Node res = model::Node::map();
  res.set("Type", model::Node::scalar("AWS::SNS::Topic"));
  model::Node props = model::Node::map();
  props.set("P", leaf);
  res.set("Properties", std::move(props));
  resources.set("A", std::move(res));
  root.set("Resources", std::move(resources));
  auto t = parse_template(root);
  REQUIRE_FALSE(t);
  CHECK(t.error().message == "Template format error: the template nests deeper than 256 levels");

  // A caller evaluating a deep value directly gets the same error from the evaluator.
  auto small = cfn_test::parse_ok("Resources:\n  A: {Type: AWS::SNS::Topic}\n");
  Evaluator ev(small, {}, cfn_test::World{}.context());
  auto r = ev.resolve(leaf);
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "Template format error: the template nests deeper than 256 levels");
}

TEST_CASE("5,000 resources in a dependency chain are ordered; a 5,000-long cycle is reported") {
  std::string chain = "Resources:\n";
  for (int i = 0; i < 5000; ++i) {
    chain += fmt::format("  R{}:\n    Type: AWS::SQS::Queue\n", i);
    if (i > 0) chain += fmt::format("    Properties: {{QueueName: !GetAtt R{}.QueueName}}\n", i - 1);
  }
  auto tpl = cfn_test::parse_ok(chain);
  auto g = build_graph(tpl);
  REQUIRE(g);
  REQUIRE(g->create_order.size() == 5000);
  CHECK(g->create_order.front() == "R0");
  CHECK(g->create_order.back() == "R4999");
  CHECK(validate_template(tpl).has_value());
  CHECK(cfn_test::run_pipeline("big.yaml", chain) == "ok");

  std::string cycle = chain + "  Closer: {Type: AWS::SQS::Queue, DependsOn: R4999}\n";
  const std::string first = "  R0:\n    Type: AWS::SQS::Queue\n";
  cycle.replace(cycle.find(first), first.size(), first + "    DependsOn: R4999\n");
  auto cyclic = cfn_test::parse_ok(cycle);
  auto cg = build_graph(cyclic);
  REQUIRE_FALSE(cg);
  CHECK(cg.error().message.rfind("Circular dependency between resources: [R0, R1, R2, ", 0) == 0);
  CHECK(cg.error().message.find("Closer") == std::string::npos);  // depends on the cycle, not on it
}

TEST_CASE("wrong shapes in every section are errors with positions") {
  struct Case {
    const char* yaml;
    const char* message;
    int line;
  };
  const Case cases[] = {
      {"Resources: [a, b]\n", "Template format error: At least one Resources member must be defined.", 1},
      {"Resources:\n  A: not-a-map\n", "Template format error: [/Resources/A] Every Resources object must contain a Type member.", 2},
      {"Resources:\n  A: {Type: [x]}\n", "Template format error: [/Resources/A] Every Resources object must contain a Type member.", 2},
      {"Resources:\n  A: {Type: X, Properties: [1]}\n", "Template format error: [/Resources/A/Properties] Every Properties member must be an object", 2},
      {"Resources:\n  A: {Type: X, DependsOn: {a: b}}\n", "Template format error: [/Resources/A/DependsOn] DependsOn must be a string or list of strings", 2},
      {"Resources:\n  A: {Type: X, Condition: [c]}\n", "Template format error: [/Resources/A/Condition] Every Condition member must be a string.", 2},
      {"Parameters: [a]\nResources:\n  A: {Type: X}\n", "Template format error: Parameters must be an object", 1},
      {"Parameters:\n  P: {Type: Number, MinValue: abc}\nResources:\n  A: {Type: X}\n", "Template format error: MinValue of parameter P must be a number", 2},
      {"Parameters:\n  P: {Type: String, AllowedValues: x}\nResources:\n  A: {Type: X}\n", "Template format error: AllowedValues of parameter P must be a list", 2},
      {"Conditions: [a]\nResources:\n  A: {Type: X}\n", "Template format error: Every Conditions member must be an object.", 1},
      {"Outputs:\n  O: {Value: x, Export: {}}\nResources:\n  A: {Type: X}\n", "Template format error: Output O is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.", 2},
      {"Description: [a]\nResources:\n  A: {Type: X}\n", "Template format error: Every Description member must be a string.", 1},
      {"Transform: {a: b}\nResources:\n  A: {Type: X}\n", "Template format error: Transform must be a string or a list of strings", 1},
  };
  for (const auto& c : cases) {
    INFO(c.yaml);
    auto t = parse_template_text(c.yaml, "t.yaml");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == c.message);
    CHECK(t.error().mark.line == c.line);
  }
}

TEST_CASE("conditions with wrong shapes or unknown names fail, never loop") {
  CHECK(cfn_test::run_pipeline("c.yaml", "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n"
                                         "  R: {Type: X, Condition: A}\n") ==
        "Template error: Condition A has a circular dependency");
  CHECK(cfn_test::run_pipeline("c.yaml", "Conditions:\n  A: x\nResources:\n  R: {Type: X, Condition: A}\n") ==
        "Template format error: Conditions can only be boolean operations on parameters and mappings");
  CHECK(cfn_test::run_pipeline("c.yaml", "Conditions:\n  A: !Equals [a, b, c]\nResources:\n  R: {Type: X}\n") ==
        "Template error: Fn::Equals requires a list argument with two elements");
}
