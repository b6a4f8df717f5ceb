// Buildspec lints and the buildspec-versus-pipeline checks, each with one broken variant.
#include <catch2/catch.hpp>

#include "base_pipeline.hpp"
#include "model/validate/glob.hpp"
#include "model/validate/yaml_hint.hpp"
#include "validate_test_support.hpp"

using namespace pipemu::test;
namespace v = pipemu::model::validate;
using V = std::vector<std::string>;

namespace {
v::Result with_buildspec(const std::string& buildspec, const std::string& tpl = kBase) {
  return v::validate_text("t.yaml", tpl, {"eu-west-1"}, "ci/buildspec.yml", buildspec);
}
}  // namespace

TEST_CASE(
    "buildspec-folded-backslash: plain and folded scalars warn, literal blocks and quoted do not") {
  auto plain =
      with_buildspec(with("      - make\n", "      - make \\\n        all\n", kBaseBuildspec));
  CHECK(rules(plain) == V{"5:14 buildspec-folded-backslash"});
  CHECK(plain.diagnostics.items()[0].message.find("'make' receives ' all'") != std::string::npos);
  auto folded = with_buildspec(
      with("      - make\n", "      - >\n        make \\\n        all\n", kBaseBuildspec));
  CHECK(rules(folded) == V{"6:14 buildspec-folded-backslash"});
  auto literal = with_buildspec(
      with("      - make\n", "      - |\n        make \\\n        all\n", kBaseBuildspec));
  CHECK(literal.diagnostics.items().empty());
  auto quoted =
      with_buildspec(with("      - make\n", "      - \"make \\\n        all\"\n", kBaseBuildspec));
  CHECK(quoted.diagnostics.items().empty());
  auto escaped_space =
      with_buildspec(with("      - make\n", "      - touch a\\ b\n", kBaseBuildspec));
  CHECK(escaped_space.diagnostics.items().empty());
}

TEST_CASE("buildspec-runtime: standard:2.0 has docker 18 but no docker 19, and no 'go'") {
  auto ok = with_buildspec(with("phases:\n",
                                "phases:\n  install:\n    runtime-versions:\n      docker: 18\n",
                                kBaseBuildspec));
  CHECK(ok.diagnostics.items().empty());
  auto version = with_buildspec(
      with("phases:\n", "phases:\n  install:\n    runtime-versions:\n      docker: 19\n",
           kBaseBuildspec));
  REQUIRE(version.diagnostics.items().size() == 1);
  CHECK(version.diagnostics.items()[0].message ==
        "aws/codebuild/standard:2.0 has no docker runtime version '19'; it offers 18");
  auto name = with_buildspec(with(
      "phases:\n", "phases:\n  install:\n    runtime-versions:\n      go: 1.13\n", kBaseBuildspec));
  REQUIRE(name.diagnostics.items().size() == 1);
  CHECK(name.diagnostics.items()[0].message ==
        "Unknown runtime named 'go'. This build image has the following runtimes: android, docker, "
        "dotnet, golang, "
        "java, nodejs, php, python, ruby");
  CHECK(name.diagnostics.items()[0].hint == "did you mean 'golang'?");
  auto old_image = with_buildspec(
      with("phases:\n", "phases:\n  install:\n    runtime-versions:\n      docker: 18\n",
           kBaseBuildspec),
      with("aws/codebuild/standard:2.0", "aws/codebuild/docker:18.09.0"));
  CHECK(rules(old_image) == V{"5:7 buildspec-runtime"});
  CHECK(old_image.diagnostics.warning_count() == 1);
}

TEST_CASE("buildspec-privileged: docker commands need PrivilegedMode") {
  auto r = with_buildspec(with("      - make\n", "      - docker build -t x .\n", kBaseBuildspec));
  CHECK(rules(r) == V{"5:9 buildspec-privileged"});
  auto ok = with_buildspec(
      with("      - make\n", "      - docker build -t x .\n", kBaseBuildspec),
      with("Type: LINUX_CONTAINER}", "Type: LINUX_CONTAINER, PrivilegedMode: true}"));
  CHECK(ok.diagnostics.items().empty());
}

TEST_CASE("buildspec-template-path: TemplatePath files come from the buildspec's artifacts") {
  auto r = with_buildspec(with("    - us.yaml\n", "    - us.yml\n", kBaseBuildspec));
  CHECK(rendered(r).substr(0, rendered(r).find('\n')) ==
        "t.yaml:41:122: error: TemplatePath of action 'us-replace' reads 'us.yaml' from artifact "
        "'package', but the "
        "buildspec's artifacts.files (us.yml) do not produce that file; the action would fail "
        "because the template "
        "is missing [buildspec-template-path]");
  CHECK(
      r.diagnostics.items()[0].hint ==
      "did you mean 'package::us.yml'? (or add 'us.yaml' to artifacts.files in ci/buildspec.yml)");
  auto glob = with_buildspec(with("    - us.yaml\n", "    - '**/*'\n", kBaseBuildspec));
  CHECK(glob.diagnostics.items().empty());
  auto discard = with_buildspec(
      with("    - us.yaml\n", "    - out/*.yaml\n  discard-paths: yes\n", kBaseBuildspec));
  CHECK(discard.diagnostics.items().empty());
  auto nested = with_buildspec(with("    - us.yaml\n", "    - out/*.yaml\n", kBaseBuildspec));
  CHECK(rules(nested) == V{"41:122 buildspec-template-path"});
  auto base = with_buildspec(
      with("    - us.yaml\n", "    - '*.yaml'\n  base-directory: out\n", kBaseBuildspec));
  CHECK(base.diagnostics.items().empty());
  auto none = with_buildspec("version: 0.2\nphases:\n  build:\n    commands: [make]\n");
  CHECK(rules(none) == V{"35:40 buildspec-artifacts"});
}

TEST_CASE("buildspec-artifacts: several outputs need secondary-artifacts named after them") {
  std::string tpl = with("OutputArtifacts: [{Name: package}]",
                         "OutputArtifacts: [{Name: package}, {Name: docs}]");
  auto r = with_buildspec(kBaseBuildspec, tpl);
  CHECK(rules(r) == V{"35:40 buildspec-artifacts", "35:57 buildspec-artifacts"});
  auto ok = with_buildspec(
      kBaseBuildspec +
          "  secondary-artifacts:\n    package: {files: [us.yaml]}\n    docs: {files: ['**/*']}\n",
      tpl);
  CHECK(ok.diagnostics.items().empty());
}

TEST_CASE("buildspec-env: reserved names") {
  auto r = with_buildspec(
      "version: 0.2\nenv:\n  variables: {CODEBUILD_X: 1}\n  exported-variables: [AWS_REGION]\n" +
      kBaseBuildspec.substr(kBaseBuildspec.find("phases:")));
  CHECK(rules(r) == V{"3:15 buildspec-env", "4:24 buildspec-env"});
}

TEST_CASE("a buildspec YAML error and a buildspec checked without a template project") {
  auto bad = with_buildspec("version: 0.2\nphases: [\n");
  CHECK(rules(bad) == V{"3:1 yaml-syntax"});
  auto alone = v::validate_text("t.yaml", "Resources:\n  B: {Type: AWS::S3::Bucket}\n", {}, "b.yml",
                                kBaseBuildspec);
  CHECK(alone.diagnostics.items().empty());
  CHECK(alone.buildspec_checked);
  CHECK(alone.buildspec_project.empty());
}

TEST_CASE("glob_match follows CodeBuild's artifact globs") {
  CHECK(v::glob_match("eu.lambda.yaml", "eu.lambda.yaml"));
  CHECK(v::glob_match("./eu.lambda.yaml", "eu.lambda.yaml"));
  CHECK(v::glob_match("**/*", "a/b/c.txt"));
  CHECK(v::glob_match("**/*", "c.txt"));
  CHECK(v::glob_match("sub/*", "sub/x"));
  CHECK_FALSE(v::glob_match("sub/*", "sub/deeper/x"));
  CHECK(v::glob_match("sub/**/*", "sub/deeper/x"));
  CHECK(v::glob_match("*.yaml", "us.yaml"));
  CHECK_FALSE(v::glob_match("*.yaml", "dir/us.yaml"));
  CHECK(v::glob_match("u?.yaml", "us.yaml"));
}

TEST_CASE("yaml-syntax hints: a generic over-indented key, and a plain error without a guess") {
  auto r = check("Resources:\n  B:\n    Type: AWS::S3::Bucket\n      Properties: {}\n");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].hint ==
        "line 3 gives 'Type' a value, so the more indented 'Properties:' on line 4 cannot nest "
        "under it; align "
        "'Properties:' with 'Type:' or move the value of 'Type' onto its own indented lines");
  auto missing_name = check(
      "Parameters:\n  Type: String\n    Default: x\nResources:\n  B: {Type: AWS::S3::Bucket}\n");
  CHECK(missing_name.diagnostics.items()[0].hint ==
        "line 2 is missing the parameter's name: 'Type:' sits where a parameter name belongs, so "
        "'Default:' cannot "
        "nest under it. Add the name (e.g. '  MyParameter:') above line 2 and indent the "
        "parameter's lines under it");
  auto other = check("Resources: [\n");
  CHECK(other.diagnostics.items()[0].hint.empty());
}

TEST_CASE("undefined_names_in_text ignores pseudo parameters and shell variables") {
  auto names = v::undefined_names_in_text(
      "A:\n  X: !Ref Missing\n  Y: !Sub '${AWS::Region}-${EU_BUCKET}-${Gone.Arn}'\n  Z: {Ref: "
      "A}\n");
  REQUIRE(names.size() == 2);
  CHECK(names[0].name == "Missing");
  CHECK(names[0].line == 2);
  CHECK(names[0].usage == "!Ref Missing");
  CHECK(names[1].usage == "${Gone}");
}
