// One test per intrinsic: the happy path and each wrong argument shape with AWS's message.
#include <catch2/catch.hpp>

#include "template_support.hpp"

using namespace cfn_test;

namespace {

const char* kTemplate = R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: {Type: String, Default: prod, AllowedValues: [dev, prod]}
  Count: {Type: Number, Default: 2}
  Names: {Type: CommaDelimitedList, Default: "a, b ,c"}
Mappings:
  Regions:
    eu-west-1: {Ami: ami-eu, Zones: [x, y]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Queue: {Type: AWS::SQS::Queue}
  DevOnly: {Type: AWS::SNS::Topic, Condition: IsDev}
)";

World world() {
  World w;
  w.physical_ids = {{"Bucket", "demo-bucket-1abc"}, {"Queue", "https://sqs/q"}};
  w.attributes = {{"Bucket.Arn", "arn:aws:s3:::demo-bucket-1abc"}, {"Queue.QueueName", "q"}};
  w.exports = {{"shared-vpc", "vpc-123"}};
  w.ssm = {{"/app/name", "hello"}};
  return w;
}

std::string run(const std::string& value) {
  static auto tpl = parse_ok(kTemplate);
  return eval(tpl, value, world());
}

}  // namespace

TEST_CASE("Ref: parameters, pseudo parameters, resources and list parameters") {
  CHECK(run("!Ref Env") == R"("prod")");
  CHECK(run("!Ref Count") == R"("2")");
  CHECK(run("!Ref Names") == R"(["a","b","c"])");
  CHECK(run("!Ref Bucket") == R"("demo-bucket-1abc")");
  CHECK(run("!Ref AWS::Region") == R"("eu-west-1")");
  CHECK(run("!Ref AWS::AccountId") == R"("123456789012")");
  CHECK(run("!Ref AWS::StackName") == R"("demo")");
  CHECK(run("!Ref AWS::Partition") == R"("aws")");
  CHECK(run("!Ref AWS::URLSuffix") == R"("amazonaws.com")");
  CHECK(run("!Ref AWS::NotificationARNs") == "[]");
  CHECK(run("!Ref AWS::StackId") == R"("arn:aws:cloudformation:eu-west-1:123456789012:stack/demo/1111-2222")");
}

TEST_CASE("Ref: unknown names, unknown pseudo parameters and wrong shapes") {
  CHECK(run("!Ref Nope") ==
        "ERROR: Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template");
  CHECK(run("!Ref AWS::Bogus") ==
        "ERROR: Template format error: Unresolved resource dependencies [AWS::Bogus] in the Resources block of the "
        "template");
  CHECK(run("{Ref: [a, b]}") == "ERROR: Template error: All References must be of type string");
  // A resource excluded by its condition cannot be referenced.
  CHECK(run("!Ref DevOnly") ==
        "ERROR: Template format error: Unresolved resource dependencies [DevOnly] in the Resources block of the "
        "template");
}

TEST_CASE("Fn::GetAtt: list and dotted forms, errors") {
  CHECK(run("!GetAtt Bucket.Arn") == R"("arn:aws:s3:::demo-bucket-1abc")");
  CHECK(run("{Fn::GetAtt: [Queue, QueueName]}") == R"("q")");
  CHECK(run("{Fn::GetAtt: Bucket.Arn}") == R"("arn:aws:s3:::demo-bucket-1abc")");
  CHECK(run("!GetAtt Missing.Arn") == "ERROR: Template error: instance of Fn::GetAtt references undefined resource Missing");
  const std::string shape =
      "ERROR: Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the "
      "resource attribute";
  CHECK(run("{Fn::GetAtt: [Bucket]}") == shape);
  CHECK(run("{Fn::GetAtt: Bucket}") == shape);
  CHECK(run("{Fn::GetAtt: [Bucket, '']}") == shape);
  CHECK(run("!GetAtt Bucket.Nope") ==
        "ERROR: Template error: resource Bucket does not support attribute type Nope in Fn::GetAtt");
}

TEST_CASE("Fn::Sub: variables, attributes, literals and the variable map") {
  CHECK(run("!Sub '${AWS::Region}-${Env}'") == R"("eu-west-1-prod")");
  CHECK(run("!Sub '${Bucket.Arn}/*'") == R"("arn:aws:s3:::demo-bucket-1abc/*")");
  CHECK(run("!Sub '${!Literal}-${Bucket}'") == R"("${Literal}-demo-bucket-1abc")");
  CHECK(run("!Sub ['${X}-${Env}', {X: !Ref Count}]") == R"("2-prod")");
  CHECK(run("!Sub ['${Env}', {Env: override}]") == R"("override")");
  CHECK(run("!Sub 'no ${ unclosed'") == R"("no ${ unclosed")");
  const std::string shape =
      "ERROR: Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a "
      "string as first argument, and an optional second argument to specify a mapping of values to replace in the "
      "string";
  CHECK(run("{Fn::Sub: [a, b, c]}") == shape);
  CHECK(run("{Fn::Sub: {a: b}}") == shape);
  CHECK(run("!Sub '${Nope}'") ==
        "ERROR: Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template");
}

TEST_CASE("Fn::Join") {
  CHECK(run("!Join [',', [a, !Ref Env]]") == R"("a,prod")");
  CHECK(run("!Join ['', [a, b]]") == R"("ab")");
  CHECK(run("!Join [':', !Ref Names]") == R"("a:b:c")");
  CHECK(run("!Join ['-', []]") == R"("")");
  const std::string msg =
      "ERROR: Template error: every Fn::Join object requires two parameters, (1) a string delimiter and (2) a list "
      "of strings to be joined or a function that returns a list of strings (such as Fn::GetAZs) to be joined.";
  CHECK(run("!Join [',']") == msg);
  CHECK(run("!Join [',', notalist]") == msg);
  CHECK(run("!Join [',', [a, [b]]]") == msg);
  CHECK(run("{Fn::Join: x}") == msg);
}

TEST_CASE("Fn::Select") {
  CHECK(run("!Select [1, [a, b, c]]") == R"("b")");
  CHECK(run("!Select ['0', !Ref Names]") == R"("a")");
  CHECK(run("!Select [!Ref Count, !GetAZs '']") == R"("eu-west-1c")");
  CHECK(run("!Select [5, [a]]") == "ERROR: Template error: Fn::Select cannot select nonexistent value at index 5");
  CHECK(run("!Select [-1, [a]]") == "ERROR: Template error: Fn::Select cannot select nonexistent value at index -1");
  CHECK(run("!Select [x, [a]]") ==
        "ERROR: Template error: Fn::Select requires a list argument with a valid index value as its first element");
  CHECK(run("!Select [0, a]") ==
        "ERROR: Template error: Fn::Select requires a list argument with two elements: an integer index and a list");
  CHECK(run("!Select [0]") ==
        "ERROR: Template error: Fn::Select requires a list argument with two elements: an integer index and a list");
}

TEST_CASE("Fn::Split keeps empty strings between consecutive delimiters") {
  CHECK(run("!Split ['|', 'a||c|']") == R"(["a","","c",""])");
  CHECK(run("!Split [',', !Join [',', [x, y]]]") == R"(["x","y"])");
  const std::string msg =
      "ERROR: Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a "
      "string to be split or a function that returns a string to be split.";
  CHECK(run("!Split [',']") == msg);
  CHECK(run("!Split [[','], a]") == msg);
  CHECK(run("!Split [',', [a]]") == msg);
}

TEST_CASE("Fn::FindInMap") {
  CHECK(run("!FindInMap [Regions, !Ref AWS::Region, Ami]") == R"("ami-eu")");
  CHECK(run("!FindInMap [Regions, eu-west-1, Zones]") == R"(["x","y"])");
  CHECK(run("!FindInMap [Regions, us-east-1, Ami]") ==
        "ERROR: Template error: Unable to get mapping for Regions::us-east-1::Ami");
  CHECK(run("!FindInMap [Nope, a, b]") ==
        "ERROR: Template error: Mapping named 'Nope' is not present in the 'Mappings' section of template");
  CHECK(run("!FindInMap [Regions, a]") ==
        "ERROR: Template error: every Fn::FindInMap object requires three parameters, the map name, map key and "
        "the attribute for return value");
  CHECK(run("!FindInMap [Regions, us-east-1, Ami, {DefaultValue: ami-default}]") == R"("ami-default")");
}

TEST_CASE("Fn::If and AWS::NoValue") {
  CHECK(run("!If [IsProd, big, small]") == R"("big")");
  CHECK(run("!If [IsDev, big, small]") == R"("small")");
  CHECK(run("{A: !If [IsDev, x, !Ref AWS::NoValue], B: 1}") == R"({"B":1})");
  CHECK(run("[a, !If [IsDev, x, !Ref AWS::NoValue], c]") == R"(["a","c"])");
  // The branch not taken is never evaluated, so it may reference an excluded resource.
  CHECK(run("!If [IsDev, !Ref DevOnly, none]") == R"("none")");
  CHECK(run("!If [Nope, a, b]") == "ERROR: Template error: unresolved condition dependency Nope in Fn::If");
  CHECK(run("!If [IsProd, a]") == "ERROR: Template error: Fn::If requires a list argument with three elements");
  CHECK(run("!If [[x], a, b]") ==
        "ERROR: Template error: Fn::If requires a list argument with the first element being a condition");
}

TEST_CASE("Fn::ImportValue") {
  CHECK(run("!ImportValue shared-vpc") == R"("vpc-123")");
  CHECK(run("!ImportValue {Fn::Sub: 'shared-${Nothing}'}") ==
        "ERROR: Template format error: Unresolved resource dependencies [Nothing] in the Resources block of the "
        "template");
  CHECK(run("!ImportValue {Fn::Join: ['-', [shared, vpc]]}") == R"("vpc-123")");
  CHECK(run("!ImportValue missing") == "ERROR: No export named missing found.");
  CHECK(run("!ImportValue {Fn::Sub: '${Bucket}-x'}") ==
        "ERROR: Template error: the attribute in Fn::ImportValue must not depend on any resources, imported values, "
        "or Fn::GetAZs");
  CHECK(run("!ImportValue [a]") == "ERROR: Template error: every Fn::ImportValue object must have a String-typed value.");
}

TEST_CASE("Fn::Base64") {
  CHECK(run("!Base64 hello") == R"("aGVsbG8=")");
  CHECK(run("!Base64 {Fn::Sub: '${Env}'}") == R"("cHJvZA==")");
  CHECK(run("!Base64 [a]") == "ERROR: Template error: every Fn::Base64 object must have a String-typed value.");
}

TEST_CASE("Fn::Cidr") {
  CHECK(run("!Cidr ['10.0.0.0/16', 3, 8]") == R"(["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"])");
  CHECK(run("!Cidr ['192.168.0.0/24', 2, 5]") == R"(["192.168.0.0/27","192.168.0.32/27"])");
  const std::string msg =
      "ERROR: Template error: Fn::Cidr requires a list argument with three elements: an ipBlock, a count of subnets "
      "(1-256) and the subnet mask size in bits";
  CHECK(run("!Cidr ['10.0.0.0/16', 3]") == msg);
  CHECK(run("!Cidr ['10.0.0.0/16', 0, 8]") == msg);
  CHECK(run("!Cidr ['10.0.0.0/24', 4, 8]") ==
        "ERROR: Template error: Fn::Cidr cannot carve 4 subnets of /24 out of 10.0.0.0/24");
}

TEST_CASE("Fn::GetAZs gives realistic zone names") {
  CHECK(run("!GetAZs ''") == R"(["eu-west-1a","eu-west-1b","eu-west-1c"])");
  CHECK(run("!GetAZs {Ref: AWS::Region}") == R"(["eu-west-1a","eu-west-1b","eu-west-1c"])");
  CHECK(run("!GetAZs us-east-1").find("us-east-1f") != std::string::npos);
  CHECK(run("!GetAZs [a]") == "ERROR: Template error: every Fn::GetAZs object must have a String-typed value.");
}

TEST_CASE("Fn::Length and Fn::ToJsonString") {
  CHECK(run("!Length [a, b, c]") == "3");
  CHECK(run("!Length {Ref: Names}") == "3");
  CHECK(run("!Length a") == "ERROR: Template error: Fn::Length requires a list or a function that returns a list");
  CHECK(run("!ToJsonString {a: !Ref Env}") == R"("{\"a\":\"prod\"}")");
  CHECK(run("!ToJsonString x") == "ERROR: Template error: Fn::ToJsonString requires an object or a list");
}

TEST_CASE("unknown functions and Fn::Transform are errors, not crashes") {
  CHECK(run("{Fn::Bogus: x}").rfind("ERROR: Template format error: Encountered unsupported function: Fn::Bogus "
                                    "Supported functions are: [Fn::Base64,", 0) == 0);
  CHECK(run("!Transform {Name: 'AWS::Include', Parameters: {Location: 's3://b/k'}}").rfind("ERROR: ", 0) == 0);
}

TEST_CASE("dynamic references resolve through the SSM callback") {
  CHECK(run("'{{resolve:ssm:/app/name}}-x'") == R"("hello-x")");
  CHECK(run("'{{resolve:ssm:/app/name:3}}'") == R"("hello")");
  CHECK(run("'{{resolve:ssm:/app/missing}}'") ==
        "ERROR: Unable to fetch parameters [/app/missing] from parameter store for this account.");
  CHECK(run("'{{resolve:secretsmanager:x}}'").rfind("ERROR: Template format error: dynamic reference", 0) == 0);
}
