// Stack lifecycle: statuses, events, rollback, and the API errors with AWS's exact messages.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using namespace pipemu::cfn;
using namespace pipemu::cfn::test;

namespace {

const char* kBucketTemplate = R"(
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
)";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("create_stack completes synchronously with AWS's events") {
  World w;
  auto id = w.create("eu-west-1", "demo", kBucketTemplate);
  CHECK(id.rfind("arn:aws:cloudformation:eu-west-1:123456789012:stack/demo/", 0) == 0);
  auto s = w.stack("eu-west-1", "demo");
  CHECK(s.status == "CREATE_COMPLETE");
  REQUIRE(s.outputs.size() == 1);
  auto bucket = s.outputs[0].value;
  CHECK(bucket.rfind("demo-bucket-", 0) == 0);  // generated, lower case
  CHECK(w.aws.buckets().at(bucket) == "eu-west-1");
  CHECK(w.aws.parameters("eu-west-1").size() == 1);
  auto lines = w.event_lines("eu-west-1", "demo");
  std::vector<std::string> want = {
      "demo CREATE_IN_PROGRESS User Initiated",
      "Bucket CREATE_IN_PROGRESS",
      "Bucket CREATE_IN_PROGRESS Resource creation Initiated",
      "Bucket CREATE_COMPLETE",
      "Param CREATE_IN_PROGRESS",
      "Param CREATE_IN_PROGRESS Resource creation Initiated",
      "Param CREATE_COMPLETE",
      "demo CREATE_COMPLETE"};
  CHECK(lines == want);
  auto resources = w.cfn.list_stack_resources(World::in("eu-west-1"), "demo");
  REQUIRE(resources);
  CHECK(resources->size() == 2);
}

TEST_CASE("describe_stacks of an unknown stack says 'Stack with id X does not exist'") {
  World w;
  auto r = w.cfn.describe_stacks(World::in("us-east-1"), "nope");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ValidationError");
  CHECK(r.error().message == "Stack with id nope does not exist");
}

TEST_CASE("create_stack on an existing name is AlreadyExistsException") {
  World w;
  w.create("us-east-1", "dup", kBucketTemplate);
  CreateStackInput in;
  in.stack_name = "dup";
  in.template_body = kBucketTemplate;
  auto r = w.cfn.create_stack(World::in("us-east-1"), in);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "AlreadyExistsException");
  CHECK(r.error().message == "Stack [dup] already exists");
  // Another region is another namespace.
  CHECK(w.cfn.create_stack(World::in("eu-west-1"), in));
}

TEST_CASE("IAM resources without CAPABILITY_IAM are InsufficientCapabilitiesException") {
  World w;
  CreateStackInput in;
  in.stack_name = "iam";
  in.template_body = R"(
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
)";
  auto r = w.cfn.create_stack(World::in("us-east-1"), in);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "InsufficientCapabilitiesException");
  CHECK(r.error().message == "Requires capabilities : [CAPABILITY_IAM]");
  // Nothing was made: the stack does not exist.
  CHECK_FALSE(w.cfn.describe_stacks(World::in("us-east-1"), "iam"));
  in.capabilities = {"CAPABILITY_IAM"};
  CHECK(w.cfn.create_stack(World::in("us-east-1"), in));
}

TEST_CASE("a failed create rolls back, leaves no resources, and can only be deleted") {
  World w;
  w.providers->set_fault("AWS::SSM::Parameter", "eu-west-1", "Rate exceeded");
  w.create("eu-west-1", "broken", kBucketTemplate);
  auto s = w.stack("eu-west-1", "broken");
  CHECK(s.status == "ROLLBACK_COMPLETE");
  CHECK(w.aws.buckets().empty());  // the bucket made before the failure is gone
  CHECK(w.aws.parameters("eu-west-1").empty());
  auto lines = w.event_lines("eu-west-1", "broken");
  CHECK(contains(lines, "Param CREATE_FAILED Rate exceeded"));
  CHECK(contains(lines,
                 "broken ROLLBACK_IN_PROGRESS The following resource(s) failed to create: "
                 "[Param]. Rollback requested by user."));
  CHECK(contains(lines, "Bucket DELETE_COMPLETE"));
  CHECK(lines.back() == "broken ROLLBACK_COMPLETE");
  auto resources = w.cfn.list_stack_resources(World::in("eu-west-1"), "broken");
  REQUIRE(resources);
  CHECK(resources->empty());

  UpdateStackInput up;
  up.stack_name = "broken";
  up.template_body = kBucketTemplate;
  auto r = w.cfn.update_stack(World::in("eu-west-1"), up);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ValidationError");
  CHECK(r.error().message == "Stack:" + s.id + " is in ROLLBACK_COMPLETE state and can not be updated.");

  REQUIRE(w.cfn.delete_stack(World::in("eu-west-1"), "broken"));
  CHECK_FALSE(w.cfn.describe_stacks(World::in("eu-west-1"), "broken"));
  auto by_id = w.cfn.describe_stacks(World::in("eu-west-1"), s.id);
  REQUIRE(by_id);
  CHECK(by_id->front().status == "DELETE_COMPLETE");
}

TEST_CASE("OnFailure DO_NOTHING keeps the stack in CREATE_FAILED") {
  World w;
  w.providers->set_fault("AWS::SSM::Parameter", "*", "boom");
  CreateStackInput in;
  in.stack_name = "keep";
  in.template_body = kBucketTemplate;
  in.on_failure = "DO_NOTHING";
  REQUIRE(w.cfn.create_stack(World::in("us-east-1"), in));
  auto s = w.stack("us-east-1", "keep");
  CHECK(s.status == "CREATE_FAILED");
  CHECK(w.aws.buckets().size() == 1);
}

TEST_CASE("an update with nothing to change is 'No updates are to be performed.'") {
  World w;
  w.create("us-east-1", "same", kBucketTemplate);
  UpdateStackInput up;
  up.stack_name = "same";
  up.template_body = kBucketTemplate;
  auto r = w.cfn.update_stack(World::in("us-east-1"), up);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ValidationError");
  CHECK(r.error().message == "No updates are to be performed.");
  up.template_body.reset();
  up.use_previous_template = true;
  r = w.cfn.update_stack(World::in("us-east-1"), up);
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "No updates are to be performed.");
}

TEST_CASE("update replaces a resource whose replacing property changed, in-place otherwise") {
  World w;
  w.create("us-east-1", "upd", R"(
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: first-bucket-name
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /upd/bucket
      Type: String
      Value: !Ref Bucket
)");
  UpdateStackInput up;
  up.stack_name = "upd";
  up.template_body = R"(
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: second-bucket-name
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /upd/bucket
      Type: String
      Value: !Ref Bucket
)";
  REQUIRE(w.cfn.update_stack(World::in("us-east-1"), up));
  CHECK(w.stack("us-east-1", "upd").status == "UPDATE_COMPLETE");
  CHECK(w.aws.buckets().count("second-bucket-name") == 1);
  CHECK(w.aws.buckets().count("first-bucket-name") == 0);  // deleted in cleanup
  CHECK(w.aws.parameters("us-east-1").at("/upd/bucket") == "second-bucket-name");
  auto lines = w.event_lines("us-east-1", "upd");
  CHECK(contains(lines,
                 "Bucket UPDATE_IN_PROGRESS Requested update requires the creation of a new "
                 "physical resource; hence creating one."));
  CHECK(contains(lines, "upd UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"));
  CHECK(lines.back() == "upd UPDATE_COMPLETE");
}

TEST_CASE("a failed update rolls back to exactly the previous state") {
  World w;
  const char* v1 = R"(
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /rb/value
      Type: String
      Value: one
)";
  w.create("us-east-1", "rb", v1);
  w.providers->set_fault("AWS::SNS::Topic", "us-east-1", "Topic quota exceeded");
  UpdateStackInput up;
  up.stack_name = "rb";
  up.template_body = R"(
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Name: /rb/value
      Type: String
      Value: two
  Bucket:
    Type: AWS::S3::Bucket
    DependsOn: Param
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Bucket
)";
  REQUIRE(w.cfn.update_stack(World::in("us-east-1"), up));
  auto s = w.stack("us-east-1", "rb");
  CHECK(s.status == "UPDATE_ROLLBACK_COMPLETE");
  CHECK(w.aws.parameters("us-east-1").at("/rb/value") == "one");
  CHECK(w.aws.buckets().empty());
  auto resources = w.cfn.list_stack_resources(World::in("us-east-1"), "rb");
  REQUIRE(resources);
  REQUIRE(resources->size() == 1);
  CHECK(resources->front().properties["Value"] == "one");
  auto lines = w.event_lines("us-east-1", "rb");
  CHECK(contains(lines, "Topic CREATE_FAILED Topic quota exceeded"));
  CHECK(contains(lines,
                 "rb UPDATE_ROLLBACK_IN_PROGRESS The following resource(s) failed to create: "
                 "[Topic]. "));
  CHECK(lines.back() == "rb UPDATE_ROLLBACK_COMPLETE");
  // The template stays the old one.
  auto t = w.cfn.get_template(World::in("us-east-1"), "rb");
  REQUIRE(t);
  CHECK(t->body == v1);
}

TEST_CASE("an unknown resource type is recorded with a warning, never dropped") {
  World w;
  w.create("us-east-1", "odd", R"(
Resources:
  Thing:
    Type: AWS::Made::Up
    Properties:
      Size: 3
)");
  CHECK(w.stack("us-east-1", "odd").status == "CREATE_COMPLETE");
  auto r = w.cfn.describe_stack_resource(World::in("us-east-1"), "odd", "Thing");
  REQUIRE(r);
  CHECK(r->type == "AWS::Made::Up");
  CHECK_FALSE(r->physical_id.empty());
  auto lines = w.event_lines("us-east-1", "odd");
  CHECK(contains(lines, "Thing CREATE_COMPLETE pipemu: resource type AWS::Made::Up is not in the "
                        "catalogue; recorded without side effects"));
  StackInput in;
  in.template_body = "Resources:\n  Thing:\n    Type: AWS::Made::Up\n";
  auto summary = w.cfn.get_template_summary(World::in("us-east-1"), in);
  REQUIRE(summary);
  CHECK(summary->unrecognized_types == std::vector<std::string>{"AWS::Made::Up"});
}

TEST_CASE("DeletionPolicy Retain keeps the resource on delete") {
  World w;
  w.create("us-east-1", "keepme", R"(
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      BucketName: kept-bucket
)");
  REQUIRE(w.cfn.delete_stack(World::in("us-east-1"), "keepme"));
  CHECK(w.aws.buckets().count("kept-bucket") == 1);
}

TEST_CASE("delete_stack of an unknown stack succeeds silently") {
  World w;
  CHECK(w.cfn.delete_stack(World::in("us-east-1"), "ghost"));
}
