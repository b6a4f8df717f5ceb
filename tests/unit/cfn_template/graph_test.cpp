// Dependency graph: order from Ref/GetAtt/Sub/DependsOn, deletion in reverse, cycles, and the
// validator's reference checks.
#include <catch2/catch.hpp>

#include "fakes/cloudformation/template/graph.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "model/text.hpp"
#include "template_support.hpp"

using namespace cfn_test;
using namespace pipemu;
using namespace pipemu::cfn;

namespace {

std::string order(const std::string& resources) {
  auto tpl = parse_ok("Parameters:\n  P: {Type: String, Default: x}\nResources:\n" + resources);
  auto g = build_graph(tpl);
  if (!g) return "ERROR: " + g.error().message;
  return text::join(g->create_order, " ");
}

std::string validate(const std::string& yaml) {
  auto tpl = parse_ok(yaml);
  auto r = validate_template(tpl);
  return r ? "" : r.error().message;
}

}  // namespace

TEST_CASE("creation order follows Ref, GetAtt, Sub and DependsOn; ties keep template order") {
  CHECK(order("  C: {Type: T, Properties: {X: !Ref B}}\n"
              "  B: {Type: T, Properties: {X: !GetAtt A.Arn}}\n"
              "  A: {Type: T, Properties: {X: !Ref P}}\n") == "A B C");
  CHECK(order("  C: {Type: T, Properties: {X: !Sub '${A}-${B.Name}-${AWS::Region}'}}\n"
              "  B: {Type: T}\n  A: {Type: T}\n") == "B A C");
  CHECK(order("  A: {Type: T, DependsOn: B}\n  B: {Type: T, DependsOn: [C]}\n  C: {Type: T}\n") == "C B A");
  // ${!Literal} and variable-map names are not dependencies.
  CHECK(order("  A: {Type: T, Properties: {X: !Sub ['${!B}-${B}', {B: v}]}}\n  B: {Type: T}\n") == "A B");
  auto tpl = parse_ok("Resources:\n  A: {Type: T, DependsOn: B}\n  B: {Type: T}\n");
  auto g = build_graph(tpl);
  REQUIRE(g);
  CHECK(g->delete_order() == std::vector<std::string>{"A", "B"});
  CHECK(g->dependents("B") == std::vector<std::string>{"A"});
}

TEST_CASE("cycles fail with AWS's message naming the resources on the cycle") {
  CHECK(order("  A: {Type: T, Properties: {X: !Ref B}}\n  B: {Type: T, Properties: {X: !GetAtt A.Arn}}\n") ==
        "ERROR: Circular dependency between resources: [A, B]");
  CHECK(order("  Z: {Type: T, DependsOn: A}\n  A: {Type: T, DependsOn: C}\n  B: {Type: T, DependsOn: A}\n"
              "  C: {Type: T, DependsOn: B}\n") ==
        "ERROR: Circular dependency between resources: [A, B, C]");
  CHECK(order("  A: {Type: T, DependsOn: A}\n") == "ERROR: Circular dependency between resources: [A]");
}

TEST_CASE("unknown targets are unresolved dependencies") {
  CHECK(order("  A: {Type: T, DependsOn: [Nope, Other]}\n") ==
        "ERROR: Template format error: Unresolved resource dependencies [Nope, Other] in the Resources block of the "
        "template");
  CHECK(order("  A: {Type: T, Properties: {X: !Ref Nope}}\n") ==
        "ERROR: Template format error: Unresolved resource dependencies [Nope] in the Resources block of the "
        "template");
  CHECK(order("  A: {Type: T, Properties: {X: !GetAtt Nope.Arn}}\n") ==
        "ERROR: Template error: instance of Fn::GetAtt references undefined resource Nope");
}

TEST_CASE("conditions exclude resources from the graph") {
  auto tpl = parse_ok("Resources:\n  A: {Type: T, Condition: C}\n  B: {Type: T, DependsOn: A}\n"
                      "Conditions:\n  C: !Equals [a, b]\n");
  auto g = build_graph(tpl, {"B"});
  REQUIRE_FALSE(g);
  CHECK(g.error().message ==
        "Template format error: Unresolved resource dependencies [A] in the Resources block of the template");
}

TEST_CASE("validate_template checks conditions, outputs and mappings") {
  CHECK(validate("Resources:\n  A: {Type: T}\nConditions:\n  C: !Equals [!Ref A, x]\n") ==
        "Template format error: Unresolved dependencies [A]. Cannot reference resources in the Conditions block of "
        "the template");
  CHECK(validate("Resources:\n  A: {Type: T, Condition: Nope}\n") ==
        "Template format error: Unresolved condition dependencies [Nope] in the Resources block of the template");
  CHECK(validate("Resources:\n  A: {Type: T}\nOutputs:\n  O: {Value: !Ref Nope}\n") ==
        "Template format error: Unresolved resource dependencies [Nope] in the Outputs block of the template");
  CHECK(validate("Resources:\n  A: {Type: T}\nOutputs:\n  O: {Value: !GetAtt Nope.Arn}\n") ==
        "Template error: instance of Fn::GetAtt references undefined resource Nope");
  CHECK(validate("Resources:\n  A: {Type: T, Properties: {X: !FindInMap [M, a, b]}}\n") ==
        "Template error: Mapping named 'M' is not present in the 'Mappings' section of template");
  CHECK(validate("Resources:\n  A: {Type: T, Properties: {X: !If [C, a, b]}}\n") ==
        "Template format error: Unresolved condition dependencies [C] in the Resources block of the template");
  CHECK(validate("Parameters:\n  P: {Type: String}\nResources:\n  A: {Type: T, Properties: {X: !Ref P}}\n"
                 "Conditions:\n  C: !Equals [!Ref P, !Ref 'AWS::Region']\nOutputs:\n  O: {Value: !GetAtt A.Arn}\n") ==
        "");
}
