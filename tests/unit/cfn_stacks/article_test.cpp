// The article's deploy stage in three regions: the infrastructure stack (CREATE_UPDATE), then
// the packaged SAM Lambda through a change set (CHANGE_SET_REPLACE + CHANGE_SET_EXECUTE),
// importing the exports the infrastructure stack made in the same region.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using namespace pipemu::cfn;
using namespace pipemu::cfn::test;

namespace {

const std::vector<std::pair<std::string, std::string>> kRegions = {
    {"eu-west-1", "bucket-name-region-1"},
    {"us-east-1", "bucket-name-region-2"},
    {"ap-southeast-2", "bucket-name-region-3"}};

const char* kCodeKey = "3f1c2e5b6a7d8e9f0a1b2c3d4e5f6a7b";

std::string packaged_for(const std::string& bucket) {
  auto t = fixture("lambda.packaged.yaml");
  auto at = t.find("s3://BUCKET/");
  return t.replace(at, 11, "s3://" + bucket);
}

void seed(World& w) {
  for (const auto& [region, bucket] : kRegions) {
    w.aws.bucket(region, bucket);
    w.aws.put_object(bucket, kCodeKey);
    w.aws.put_parameter(region, "/service-x/stage", "production-" + region);
  }
}

ChangeSetInput lambda_change_set(const std::string& bucket, const std::string& type) {
  ChangeSetInput in;
  in.stack_name = "service-x-lambda";
  in.change_set_name = "pipeline-changeset";
  in.change_set_type = type;
  in.template_body = packaged_for(bucket);
  in.capabilities = {"CAPABILITY_IAM"};
  return in;
}

}  // namespace

TEST_CASE("the article's stacks deploy in three regions") {
  World w;
  seed(w);
  for (const auto& [region, bucket] : kRegions) {
    auto caller = World::in(region);
    w.create(region, "service-x-infrastructure", fixture("infrastructure.yaml"), {},
             {"CAPABILITY_IAM"});
    auto infra = w.stack(region, "service-x-infrastructure");
    REQUIRE(infra.status == "CREATE_COMPLETE");

    auto cs = w.cfn.create_change_set(caller, lambda_change_set(bucket, "CREATE"));
    REQUIRE(cs);
    CHECK(w.stack(region, "service-x-lambda").status == "REVIEW_IN_PROGRESS");
    auto described = w.cfn.describe_change_set(caller, "pipeline-changeset", "service-x-lambda");
    REQUIRE(described);
    CHECK(described->status == "CREATE_COMPLETE");
    CHECK(described->execution_status == "AVAILABLE");
    std::vector<std::string> adds;
    for (const auto& c : described->changes) {
      CHECK(c["ResourceChange"]["Action"] == "Add");
      adds.push_back(c["ResourceChange"]["LogicalResourceId"]);
    }
    std::sort(adds.begin(), adds.end());
    CHECK(adds == std::vector<std::string>{"Function", "FunctionRole"});
    REQUIRE(described->parameters.size() == 1);
    CHECK(described->parameters[0].value == "/service-x/stage");
    CHECK(described->parameters[0].resolved == "production-" + region);

    REQUIRE(w.cfn.execute_change_set(caller, "pipeline-changeset", "service-x-lambda"));
    auto lambda = w.stack(region, "service-x-lambda");
    CHECK(lambda.status == "CREATE_COMPLETE");
    REQUIRE(lambda.outputs.size() == 1);
    CHECK(lambda.outputs[0].value.rfind("arn:aws:lambda:" + region + ":123456789012:function:" +
                                            "service-x-lambda-Function-",
                                        0) == 0);
    auto fn = w.cfn.describe_stack_resource(caller, "service-x-lambda", "Function");
    REQUIRE(fn);
    CHECK(fn->type == "AWS::Lambda::Function");
    auto vars = fn->properties["Environment"]["Variables"];
    CHECK(vars["STAGE"] == "production-" + region);
    CHECK(vars["TOPIC_ARN"] == "arn:aws:sns:" + region + ":123456789012:" +
                                   infra.outputs[0].value.substr(infra.outputs[0].value.rfind(':') + 1));
    CHECK(vars["QUEUE_URL"].get<std::string>().rfind("https://sqs." + region + ".amazonaws.com/", 0) == 0);

    auto t = w.cfn.get_template(caller, "service-x-lambda", {}, "Processed");
    REQUIRE(t);
    CHECK(t->body.find("AWS::Lambda::Function") != std::string::npos);
    auto original = w.cfn.get_template(caller, "service-x-lambda");
    REQUIRE(original);
    CHECK(original->body.find("AWS::Serverless::Function") != std::string::npos);
  }
  // Exports are per region: three regions, the same names, no conflict.
  for (const auto& [region, bucket] : kRegions) {
    auto exports = w.cfn.list_exports(World::in(region));
    REQUIRE(exports);
    CHECK(exports->size() == 3);
    auto importers = w.cfn.list_imports(World::in(region), "service-x-topic-arn");
    REQUIRE(importers);
    CHECK(*importers == std::vector<std::string>{"service-x-lambda"});
  }
}

TEST_CASE("a Lambda stack using another region's code bucket fails like AWS") {
  World w;
  seed(w);
  w.create("us-east-1", "service-x-infrastructure", fixture("infrastructure.yaml"));
  auto caller = World::in("us-east-1");
  // The us-east-1 stack points at the eu-west-1 bucket (the article's buildspec mistake).
  REQUIRE(w.cfn.create_change_set(caller, lambda_change_set("bucket-name-region-1", "CREATE")));
  REQUIRE(w.cfn.execute_change_set(caller, "pipeline-changeset", "service-x-lambda"));
  CHECK(w.stack("us-east-1", "service-x-lambda").status == "ROLLBACK_COMPLETE");
  auto events = w.cfn.describe_stack_events(caller, "service-x-lambda");
  REQUIRE(events);
  std::string reason;
  for (const auto& e : *events)
    if (e.status == "CREATE_FAILED") reason = e.status_reason;
  CHECK_THAT(reason, Catch::Contains("Error occurred while GetObject. S3 Error Code: "
                                     "PermanentRedirect. S3 Error Message: The bucket is in this "
                                     "region: eu-west-1. Please use this region to retry the "
                                     "request"));
  // Rollback removed the role made before the function.
  auto resources = w.cfn.list_stack_resources(caller, "service-x-lambda");
  REQUIRE(resources);
  CHECK(resources->empty());
}

TEST_CASE("a Lambda stack whose code object is missing fails with NoSuchKey") {
  World w;
  seed(w);
  w.create("eu-west-1", "service-x-infrastructure", fixture("infrastructure.yaml"));
  w.aws.empty_bucket("bucket-name-region-1");
  auto caller = World::in("eu-west-1");
  REQUIRE(w.cfn.create_change_set(caller, lambda_change_set("bucket-name-region-1", "CREATE")));
  REQUIRE(w.cfn.execute_change_set(caller, "pipeline-changeset", "service-x-lambda"));
  auto events = w.cfn.describe_stack_events(caller, "service-x-lambda");
  REQUIRE(events);
  bool found = false;
  for (const auto& e : *events)
    if (e.status == "CREATE_FAILED" && e.logical_id == "Function")
      found = e.status_reason.find("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 "
                                   "Error Message: The specified key does not exist.") !=
              std::string::npos;
  CHECK(found);
}

TEST_CASE("a missing SSM parameter fails the call with AWS's message") {
  World w;
  seed(w);
  w.aws.delete_parameters("us-east-1");
  auto r = w.cfn.create_change_set(World::in("us-east-1"),
                                   lambda_change_set("bucket-name-region-2", "CREATE"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ValidationError");
  CHECK(r.error().message == "Parameters: [/service-x/stage] cannot be found.");
}

TEST_CASE("a missing export fails the change set and the stack with AWS's message") {
  World w;
  seed(w);  // no infrastructure stack in this region
  auto caller = World::in("ap-southeast-2");
  REQUIRE(w.cfn.create_change_set(caller, lambda_change_set("bucket-name-region-3", "CREATE")));
  auto cs = w.cfn.describe_change_set(caller, "pipeline-changeset", "service-x-lambda");
  REQUIRE(cs);
  CHECK(cs->status == "FAILED");
  CHECK(cs->status_reason == "No export named service-x-topic-arn found.");

  CreateStackInput in;
  in.stack_name = "direct";
  in.template_body = packaged_for("bucket-name-region-3");
  in.capabilities = {"CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"};
  REQUIRE(w.cfn.create_stack(caller, in));
  auto s = w.stack("ap-southeast-2", "direct");
  CHECK(s.status == "ROLLBACK_COMPLETE");
  auto lines = w.event_lines("ap-southeast-2", "direct");
  CHECK(std::find(lines.begin(), lines.end(),
                  "direct ROLLBACK_IN_PROGRESS No export named service-x-topic-arn found. "
                  "Rollback requested by user.") != lines.end());
}

TEST_CASE("a SAM template created directly needs CAPABILITY_AUTO_EXPAND") {
  World w;
  seed(w);
  CreateStackInput in;
  in.stack_name = "direct";
  in.template_body = packaged_for("bucket-name-region-1");
  in.capabilities = {"CAPABILITY_IAM"};
  auto r = w.cfn.create_stack(World::in("eu-west-1"), in);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "InsufficientCapabilitiesException");
  CHECK(r.error().message == "Requires capabilities : [CAPABILITY_AUTO_EXPAND]");
}
