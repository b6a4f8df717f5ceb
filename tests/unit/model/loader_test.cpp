#include <catch2/catch.hpp>

#include "model/diagnostic.hpp"
#include "model/loader.hpp"

using namespace pipemu::model;

TEST_CASE("short-form tags become long forms with marks") {
  auto r = load_text("t.yaml",
                     "A: !Ref Bucket\n"
                     "B: !GetAtt Stack.Outputs.Name\n"
                     "C: !Sub '${AWS::Region}-x'\n"
                     "D: !Condition IsProd\n"
                     "E: !Join [',', [a, b]]\n");
  REQUIRE(r.has_value());
  const Node& root = *r;
  REQUIRE(root.find("A")->intrinsic_name() == "Ref");
  CHECK(root.find("A")->intrinsic_arg().str() == "Bucket");
  const Node& getatt = root.find("B")->intrinsic_arg();
  REQUIRE(getatt.size() == 2);
  CHECK(getatt.items()[0].str() == "Stack");
  CHECK(getatt.items()[1].str() == "Outputs.Name");
  CHECK(root.find("C")->intrinsic_name() == "Fn::Sub");
  CHECK(root.find("D")->intrinsic_name() == "Condition");
  CHECK(root.find("E")->intrinsic_arg().items()[1].size() == 2);
  CHECK(root.find("B")->mark().line == 2);
  CHECK(root.find_entry("C")->key_mark.str() == "t.yaml:3:1");
}

TEST_CASE("every CloudFormation short form is accepted") {
  for (const auto& tag : short_form_tags()) {
    auto r = load_text("t.yaml", "X: !" + tag + " v\n");
    INFO(tag);
    REQUIRE(r.has_value());
    CHECK(r->find("X")->is_intrinsic());
  }
}

TEST_CASE("a syntax error is a diagnostic with a 1-based position and caret") {
  auto r = load_text("bad.yaml", "Parameters:\n  Type: String\n    Default: x\n");
  REQUIRE_FALSE(r.has_value());
  CHECK(render(r.error()) ==
        "bad.yaml:3:12: error: illegal map value [yaml-syntax]\n"
        "      Default: x\n"
        "             ^\n");
}

TEST_CASE("unknown tags and duplicate keys are errors") {
  auto tag = load_text("t.yaml", "A: !Reff X\n");
  REQUIRE_FALSE(tag.has_value());
  CHECK(tag.error().message == "unknown tag '!Reff'");
  CHECK(tag.error().hint == "did you mean '!Ref'?");
  auto dup = load_text("t.yaml", "A: 1\nA: 2\n");
  REQUIRE_FALSE(dup.has_value());
  CHECK(dup.error().rule == "yaml-duplicate-key");
  CHECK(dup.error().mark.line == 2);
}

TEST_CASE("JSON loads through the same loader, with marks") {
  auto r = load_text("t.json", "{\n  \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}\n}\n");
  REQUIRE(r.has_value());
  const Node* type = r->find("Resources")->find("B")->find("Type");
  REQUIRE(type);
  CHECK(type->str() == "AWS::S3::Bucket");
  CHECK(type->quoted());
  CHECK(type->mark().line == 2);
}

TEST_CASE("deep nesting is refused, not a crash") {
  std::string deep(20000, '[');
  auto r = load_text("deep.yaml", deep);
  CHECK_FALSE(r.has_value());
}
