// SAM expansion behaviour that the aws-sam-translator comparison (tests/scripts/cfn_template)
// does not pin: AWS's error wording, capabilities, and the result parsing as a template.
#include <catch2/catch.hpp>

#include "fakes/cloudformation/template/capabilities.hpp"
#include "fakes/cloudformation/template/transform.hpp"
#include "fakes/cloudformation/template/validate.hpp"
#include "model/loader.hpp"
#include "template_support.hpp"

using namespace pipemu;
using namespace pipemu::cfn;

namespace {

std::string expand_error(const std::string& yaml) {
  auto doc = model::load_text("t.yaml", yaml);
  REQUIRE(doc);
  auto r = process_transforms(*doc, StackInfo{});
  return r ? "" : r.error().message;
}

const char* kFunction = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                        "    Properties:\n      Handler: a.b\n      Runtime: python3.12\n";

}  // namespace

TEST_CASE("an unpackaged CodeUri fails the transform with SAM's message") {
  CHECK(expand_error(std::string(kFunction) + "      CodeUri: ./src\n") ==
        "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. "
        "Number of errors found: 1. Resource with id [Fn] is invalid. 'CodeUri' is not a valid S3 Uri of the form "
        "'s3://bucket/key' with optional versionId query parameter.");
  CHECK(expand_error(std::string(kFunction) + "      CodeUri: {Bucket: b}\n") ==
        "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. "
        "Number of errors found: 1. Resource with id [Fn] is invalid. 'CodeUri' requires Bucket and Key properties "
        "to be specified.");
  CHECK(expand_error(std::string(kFunction) + "      InlineCode: x\n      Events: {E: {Type: Kinesis2}}\n") ==
        "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. "
        "Number of errors found: 1. Resource with id [Fn] is invalid. Event with id [E] is invalid. Resource dict has "
        "missing or invalid value for key Type. Event Type is: Kinesis2.");
  CHECK(expand_error("Transform: AWS::Include\nResources:\n  B: {Type: AWS::S3::Bucket}\n").rfind(
            "Template format error: Unresolved transform: AWS::Include.", 0) == 0);
}

TEST_CASE("an expanded function needs CAPABILITY_IAM and CAPABILITY_AUTO_EXPAND; a given Role only AUTO_EXPAND") {
  auto doc = model::load_text("t.yaml", std::string(kFunction) + "      CodeUri: s3://b/k\n");
  REQUIRE(doc);
  auto processed = process_transforms(*doc, StackInfo{});
  REQUIRE(processed);
  auto caps = required_capabilities(*doc, *processed);
  CHECK(caps == std::vector<std::string>{"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"});
  CHECK(missing_capabilities(caps, {"CAPABILITY_IAM"}) == std::vector<std::string>{"CAPABILITY_AUTO_EXPAND"});
  CHECK(insufficient_capabilities_message(missing_capabilities(caps, {})) ==
        "Requires capabilities : [CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND]");

  auto with_role = model::load_text("t.yaml", std::string(kFunction) + "      CodeUri: s3://b/k\n      Role: arn:r\n");
  auto p2 = process_transforms(*with_role, StackInfo{});
  REQUIRE(p2);
  CHECK(required_capabilities(*with_role, *p2) == std::vector<std::string>{"CAPABILITY_AUTO_EXPAND"});
}

TEST_CASE("named IAM resources need CAPABILITY_NAMED_IAM, which also covers CAPABILITY_IAM") {
  auto named = model::load_text("t.yaml", "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: {RoleName: fixed}\n");
  auto plain = model::load_text("t.yaml", "Resources:\n  P: {Type: AWS::IAM::Policy}\n  B: {Type: AWS::S3::Bucket}\n");
  auto none = model::load_text("t.yaml", "Resources:\n  B: {Type: AWS::S3::Bucket}\n");
  CHECK(required_capabilities(*named, *named) == std::vector<std::string>{"CAPABILITY_NAMED_IAM"});
  CHECK(required_capabilities(*plain, *plain) == std::vector<std::string>{"CAPABILITY_IAM"});
  CHECK(required_capabilities(*none, *none).empty());
  CHECK(missing_capabilities({"CAPABILITY_IAM"}, {"CAPABILITY_NAMED_IAM"}).empty());
  CHECK(missing_capabilities({"CAPABILITY_NAMED_IAM"}, {"CAPABILITY_IAM"}) ==
        std::vector<std::string>{"CAPABILITY_NAMED_IAM"});
}

TEST_CASE("every SAM fixture that expands gives a template that parses and validates") {
  for (const char* name : {"article_lambda.yaml", "events_alias_globals.yaml", "explicit_api_inline_code.yaml",
                           "globals_merge_schedule_table.yaml", "implicit_api_two_functions.yaml",
                           "policies_vpc_tracing.yaml", "tables_and_plain_resources.yaml"}) {
    INFO(name);
    auto doc = model::load_file(std::string(PIPEMU_SOURCE_DIR) + "/tests/fixtures/templates/sam/" + name);
    REQUIRE(doc);
    auto processed = process_transforms(*doc, StackInfo{});
    REQUIRE(processed);
    CHECK_FALSE(processed->find("Transform"));
    CHECK_FALSE(processed->find("Globals"));
    auto tpl = parse_template(*processed);
    REQUIRE(tpl);
    auto ok = validate_template(*tpl);
    CHECK(ok.has_value());
  }
}
