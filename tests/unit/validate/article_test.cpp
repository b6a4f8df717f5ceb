// The article's files as published, and the fixed flagship copy under scenarios/.
#include <catch2/catch.hpp>

#include "validate_test_support.hpp"

using namespace pipemu::test;
namespace v = pipemu::model::validate;

namespace {
const std::string kArticle = "tests/fixtures/article/pipeline.yaml";
const std::string kArticleBuildspec = "tests/fixtures/article/buildspec.yaml";
const std::string kFlagship = "scenarios/flagship/pipeline.yaml";
const std::string kFlagshipBuildspec =
    "scenarios/flagship/amazon/pipeline/production/buildspec.yaml";
}  // namespace

TEST_CASE("the article's template verbatim fails at 5:12 and names the missing parameter key") {
  auto r = v::validate_text(kArticle, read_source(kArticle), {});
  CHECK(rendered(r) ==
        "tests/fixtures/article/pipeline.yaml:5:12: error: illegal map value: CloudFormation would "
        "reject the template "
        "with \"Template format error: YAML not well-formed. (line 5, column 12)\" [yaml-syntax]\n"
        "      Default: /Environment/EU/SourceCodeStorage\n"
        "             ^\n"
        "  hint: line 4 is missing the parameter's name: 'Type:' sits where a parameter name "
        "belongs, so 'Default:' "
        "cannot nest under it. !Ref EuBucket (line 26) refers to nothing declared in the template: "
        "add '  EuBucket:' "
        "above line 4 and indent the parameter's lines under it\n");
  CHECK(r.diagnostics.error_count() == 1);
  CHECK_FALSE(r.template_loaded);
}

TEST_CASE("the article's buildspec warns at the folded backslash continuation") {
  auto r = v::validate_text(kArticle, read_source(kArticle), {}, kArticleBuildspec,
                            read_source(kArticleBuildspec));
  REQUIRE(r.diagnostics.items().size() == 2);
  CHECK(v::summary_line(r.diagnostics) == "1 error, 1 warning");
  CHECK(pipemu::model::render(r.diagnostics.items()[1]) ==
        "tests/fixtures/article/buildspec.yaml:13:44: warning: YAML folds this multi-line plain "
        "scalar into one line "
        "before the shell runs it, so each trailing '\\' now escapes the space that replaced the "
        "line break: 'docker' "
        "receives ' -v' (one argument with a leading space) instead of '-v', and the command does "
        "not run as written "
        "[buildspec-folded-backslash]\n"
        "        - docker run --entrypoint develop.sh \\\n"
        "                                             ^\n"
        "  hint: delete the trailing backslashes (YAML already joins the lines), or write the "
        "command as a literal "
        "block ('- |') so the shell gets the backslash-newlines it expects\n");
  // The second `docker run` of the article folds without backslashes: no warning for it.
}

TEST_CASE("the fixed flagship (EuBucket: added) has no findings, with its buildspec") {
  auto r = v::validate_text(kFlagship, read_source(kFlagship), {}, kFlagshipBuildspec,
                            read_source(kFlagshipBuildspec));
  INFO(rendered(r));
  CHECK(r.diagnostics.items().empty());
  CHECK(r.buildspec_project == "CodeBuild");
  REQUIRE(r.pipelines.size() == 1);
  CHECK(r.pipelines[0].name == "service-x");
  CHECK(r.pipelines[0].region == "eu-west-1");
  CHECK(r.pipelines[0].region_source == "the first ArtifactStores entry");
  CHECK(r.pipelines[0].actions == 11);
  CHECK(r.pipelines[0].regions ==
        std::vector<std::string>{"eu-west-1", "us-east-1", "ap-southeast-2"});
}

TEST_CASE("the flagship with the article's buildspec: only the backslash warning") {
  auto r = v::validate_text(kFlagship, read_source(kFlagship), {}, kArticleBuildspec,
                            read_source(kArticleBuildspec));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].rule == "buildspec-folded-backslash");
  CHECK(r.diagnostics.items()[0].mark.line == 13);
}

TEST_CASE("the article's template with the EuBucket key deleted everywhere: the Ref is undefined") {
  // The other way to read the article's mistake: a valid YAML file where EuBucket is not declared.
  std::string t = read_source(kFlagship);
  t.replace(t.find("  EuBucket:\n    Type"), std::string("  EuBucket:\n    Type").size(),
            "  EuBucketX:\n    Type");
  auto r = v::validate_text(kFlagship, t, {});
  REQUIRE(r.diagnostics.error_count() == 2);  // the CodeBuild variable and the eu-west-1 store
  for (const auto& d : r.diagnostics.items()) {
    CHECK(d.rule == "ref-undefined");
    CHECK(d.message ==
          "Template format error: Unresolved resource dependencies [EuBucket] in the Resources "
          "block of the template");
    CHECK(d.hint == "did you mean 'EuBucketX'?");
  }
}
