// Golden tests of the real `pipemu validate` binary: exact output and exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using pipemu::test::run_command;

namespace {
// Runs from the repository root with relative paths, as a user would, and without the
// caller's AWS region so the pipeline region comes from the template.
pipemu::test::CommandResult validate(const std::string& args) {
  return run_command(std::string("cd '") + PIPEMU_SOURCE_DIR +
                     "' && env -u AWS_REGION -u AWS_DEFAULT_REGION NO_COLOR=1 " + PIPEMU_BINARY +
                     " validate " + args);
}
}  // namespace

TEST_CASE(
    "pipemu validate on the article verbatim: the 5:12 error, the backslash warning, exit 1") {
  auto r = validate(
      "tests/fixtures/article/pipeline.yaml --buildspec tests/fixtures/article/buildspec.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.output ==
        "tests/fixtures/article/pipeline.yaml:5:12: error: illegal map value: CloudFormation would "
        "reject the template "
        "with \"Template format error: YAML not well-formed. (line 5, column 12)\" [yaml-syntax]\n"
        "      Default: /Environment/EU/SourceCodeStorage\n"
        "             ^\n"
        "  hint: line 4 is missing the parameter's name: 'Type:' sits where a parameter name "
        "belongs, so 'Default:' "
        "cannot nest under it. !Ref EuBucket (line 26) refers to nothing declared in the template: "
        "add '  EuBucket:' "
        "above line 4 and indent the parameter's lines under it\n"
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
        "block ('- |') so the shell gets the backslash-newlines it expects\n"
        "tests/fixtures/article/buildspec.yaml: buildspec checked on its own (the template did not "
        "load)\n"
        "1 error, 1 warning\n");
}

TEST_CASE("pipemu validate on the fixed flagship: clean, exit 0") {
  auto r = validate(
      "scenarios/flagship/pipeline.yaml --buildspec "
      "scenarios/flagship/amazon/pipeline/production/buildspec.yaml");
  CHECK(r.exit_code == 0);
  CHECK(
      r.output ==
      "scenarios/flagship/pipeline.yaml: pipeline 'service-x': 3 stages, 11 actions; pipeline "
      "region eu-west-1 "
      "(from the first ArtifactStores entry); actions run in eu-west-1, us-east-1, ap-southeast-2\n"
      "scenarios/flagship/amazon/pipeline/production/buildspec.yaml: buildspec checked against "
      "project 'CodeBuild' "
      "and the pipeline's TemplatePaths\n"
      "0 errors, 0 warnings\n");
}

TEST_CASE("pipemu validate --region names the pipeline's region; a missing store is an error") {
  auto r = validate("scenarios/flagship/pipeline.yaml --region eu-central-1");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("scenarios/flagship/pipeline.yaml:51:9: error: ArtifactStores has no entry "
                      "for eu-central-1, "
                      "the pipeline's own region;") == 0);
  CHECK(r.output.find("pipeline region eu-central-1 (from --region)") != std::string::npos);
  auto env = run_command(std::string("cd '") + PIPEMU_SOURCE_DIR +
                         "' && env -u AWS_REGION AWS_DEFAULT_REGION=us-east-1 " + PIPEMU_BINARY +
                         " validate scenarios/flagship/pipeline.yaml");
  CHECK(env.exit_code == 0);
  CHECK(env.output.find("pipeline region us-east-1 (from AWS_DEFAULT_REGION)") !=
        std::string::npos);
}

TEST_CASE("pipemu validate --format json") {
  auto r = validate("tests/fixtures/article/pipeline.yaml --format json");
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.output, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 0);
  REQUIRE(j["diagnostics"].size() == 1);
  const auto& d = j["diagnostics"][0];
  CHECK(d["file"] == "tests/fixtures/article/pipeline.yaml");
  CHECK(d["line"] == 5);
  CHECK(d["column"] == 12);
  CHECK(d["severity"] == "error");
  CHECK(d["rule"] == "yaml-syntax");
  CHECK(d["hint"].get<std::string>().find("'  EuBucket:'") != std::string::npos);
}

TEST_CASE("pipemu validate: unreadable file and bad usage") {
  auto missing = validate("no/such.yaml");
  CHECK(missing.exit_code == 1);
  CHECK(missing.output ==
        "no/such.yaml: error: cannot open file [io]\n"
        "  hint: check the path; it is relative to the current directory\n"
        "1 error, 0 warnings\n");
  CHECK(validate("scenarios/flagship/pipeline.yaml --format xml").exit_code == 2);
  CHECK(validate("").exit_code == 2);
}
