// Structural template errors, with AWS's "Template format error" wording and positions.
#include <catch2/catch.hpp>

#include "fakes/cloudformation/template/template.hpp"
#include "template_support.hpp"

using namespace cfn_test;
using namespace pipemu::cfn;

TEST_CASE("sections are parsed into a structured view") {
  auto t = parse_ok(R"(AWSTemplateFormatVersion: "2010-09-09"
Description: demo
Transform: [AWS::Serverless-2016-10-31]
Parameters:
  Env: {Type: String, Default: dev, NoEcho: true, MinLength: 1, MaxLength: 5}
Resources:
  B:
    Type: AWS::S3::Bucket
    DependsOn: [Q]
    DeletionPolicy: Retain
    Properties: {BucketName: x}
  Q: {Type: AWS::SQS::Queue, Condition: C}
Conditions:
  C: !Equals [a, a]
Outputs:
  Name: {Value: !Ref B, Export: {Name: n}, Description: d}
)");
  CHECK(t.format_version == "2010-09-09");
  CHECK(t.description == "demo");
  CHECK(t.transforms == std::vector<std::string>{"AWS::Serverless-2016-10-31"});
  REQUIRE(t.parameters.size() == 1);
  CHECK(t.parameters[0].no_echo);
  CHECK(*t.parameters[0].max_length == 5);
  REQUIRE(t.resources.size() == 2);
  CHECK(t.resources[0].depends_on == std::vector<std::string>{"Q"});
  CHECK(t.resources[0].deletion_policy == "Retain");
  CHECK(*t.resources[1].condition == "C");
  CHECK(t.resources[1].mark.line == 12);
  REQUIRE(t.outputs.size() == 1);
  CHECK(t.outputs[0].export_name.str() == "n");
}

TEST_CASE("format errors read as AWS words them") {
  CHECK(parse_error("Description: x\n") == "Template format error: At least one Resources member must be defined.");
  CHECK(parse_error("Resources: {}\n") == "Template format error: At least one Resources member must be defined.");
  CHECK(parse_error("Resources:\n  B:\n    Properties: {}\n") ==
        "Template format error: [/Resources/B] Every Resources object must contain a Type member.");
  CHECK(parse_error("Resources:\n  B: {Type: X}\nBogus: 1\nOther: 2\n") ==
        "Template format error: Invalid template property or properties [Bogus, Other]");
  CHECK(parse_error("AWSTemplateFormatVersion: '2011-01-01'\nResources:\n  B: {Type: X}\n") ==
        "Template format error: unsupported value for AWSTemplateFormatVersion.");
  CHECK(parse_error("Parameters:\n  P: {Type: Strin}\nResources:\n  B: {Type: X}\n") ==
        "Template format error: Unrecognized parameter type: Strin");
  CHECK(parse_error("Parameters:\n  P: {Default: x}\nResources:\n  B: {Type: X}\n") ==
        "Template format error: Every Parameters object must contain a Type member.");
  CHECK(parse_error("Parameters:\n  P: {Type: String, Bogus: 1}\nResources:\n  B: {Type: X}\n") ==
        "Invalid template parameter property 'Bogus'");
  CHECK(parse_error("Resources:\n  my-bucket: {Type: X}\n") ==
        "Template format error: Resource name my-bucket is non alphanumeric.");
  CHECK(parse_error("Resources:\n  B: {Type: X, Propertie: {}}\n") ==
        "Template format error: Invalid template resource property 'Propertie'");
  CHECK(parse_error("Resources:\n  B: {Type: X}\nOutputs:\n  O: {Description: x}\n") ==
        "Template format error: Every Outputs member must contain a Value object");
  CHECK(parse_error("Resources:\n  B: {Type: X}\nMappings:\n  M: {a: b}\n") ==
        "Template format error: Every Mappings member a must be a map");
  CHECK(parse_error("- a\n- b\n") == "Template format error: unsupported structure.");
  CHECK(parse_error("   \n") == "Template format error: unsupported structure.");
}

TEST_CASE("every valid parameter type is accepted, lists of SSM types are not") {
  for (const char* type : {"String", "Number", "List<Number>", "CommaDelimitedList", "AWS::EC2::VPC::Id",
                           "List<AWS::EC2::Subnet::Id>", "AWS::SSM::Parameter::Name",
                           "AWS::SSM::Parameter::Value<String>", "AWS::SSM::Parameter::Value<List<String>>",
                           "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"}) {
    INFO(type);
    CHECK(parse_error(std::string("Parameters:\n  P: {Type: '") + type + "'}\nResources:\n  B: {Type: X}\n") == "");
  }
  CHECK(parse_error("Parameters:\n  P: {Type: 'List<AWS::SSM::Parameter::Value<String>>'}\nResources:\n  B: {Type: X}\n") ==
        "Template format error: Unrecognized parameter type: List<AWS::SSM::Parameter::Value<String>>");
}

TEST_CASE("syntax errors name the line and column as AWS does") {
  CHECK(parse_error("Resources:\n  B:\n    Type: X\n   Properties: {}\n").rfind(
            "Template format error: YAML not well-formed. (line ", 0) == 0);
  CHECK(parse_error("{\n  \"Resources\": {,\n}").rfind("Template format error: JSON not well-formed. (line 3, column 1)", 0) == 0);
  auto t = parse_template_text("Resources:\n  B: {Type: X}\nBogus: 1\n", "tpl.yaml");
  REQUIRE_FALSE(t);
  CHECK(t.error().describe() ==
        "Template format error: Invalid template property or properties [Bogus] (tpl.yaml:3:1)");
}

TEST_CASE("SAM's Globals section is accepted only with a Transform") {
  CHECK(parse_error("Transform: AWS::Serverless-2016-10-31\nGlobals: {}\nResources:\n  B: {Type: X}\n") == "");
  CHECK(parse_error("Globals: {}\nResources:\n  B: {Type: X}\n") ==
        "Template format error: Invalid template property or properties [Globals]");
}
