// Change sets: types, Changes with Replacement from per-property update behaviour, the empty
// change set, execution rules, SSM values captured at creation.
#include <catch2/catch.hpp>

#include "world_support.hpp"

using namespace pipemu::cfn;
using namespace pipemu::cfn::test;

namespace {

const char* kV1 = R"(
Parameters:
  Name:
    Type: String
    Default: first-bucket
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref Name
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
      Tags:
        - Key: bucket
          Value: !Ref Bucket
  Topic:
    Type: AWS::SNS::Topic
)";

ChangeSetInput change_set(const std::string& name, const std::string& body,
                          std::vector<ParameterInput> params = {}) {
  ChangeSetInput in;
  in.stack_name = "cs";
  in.change_set_name = name;
  in.template_body = body;
  in.parameters = std::move(params);
  return in;
}

const Json* change_for(const ChangeSet& cs, const std::string& id) {
  for (const auto& c : cs.changes)
    if (c["ResourceChange"]["LogicalResourceId"] == id) return &c["ResourceChange"];
  return nullptr;
}

}  // namespace

TEST_CASE("an UPDATE change set reports Add, Modify with Replacement, and Remove") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "cs", kV1);
  std::string v2 = kV1;
  v2.replace(v2.find("VisibilityTimeout: 30"), 21, "VisibilityTimeout: 45");
  v2.replace(v2.find("  Topic:\n    Type: AWS::SNS::Topic\n"), 35,
             "  Param:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n"
             "      Value: x\n");
  REQUIRE(w.cfn.create_change_set(caller, change_set("c1", v2, {{"Name", "second-bucket"}})));
  auto cs = w.cfn.describe_change_set(caller, "c1", "cs");
  REQUIRE(cs);
  CHECK(cs->status == "CREATE_COMPLETE");
  CHECK(cs->execution_status == "AVAILABLE");

  auto* bucket = change_for(*cs, "Bucket");
  REQUIRE(bucket);
  CHECK((*bucket)["Action"] == "Modify");
  CHECK((*bucket)["Replacement"] == "True");
  CHECK((*bucket)["Scope"] == Json::array({"Properties"}));
  CHECK((*bucket)["Details"][0]["Target"]["Name"] == "BucketName");
  CHECK((*bucket)["Details"][0]["Target"]["RequiresRecreation"] == "Always");
  CHECK((*bucket)["Details"][0]["Evaluation"] == "Static");

  auto* queue = change_for(*cs, "Queue");
  REQUIRE(queue);
  CHECK((*queue)["Action"] == "Modify");
  // VisibilityTimeout changes in place; the Tags refer to the replaced bucket (Dynamic).
  CHECK((*queue)["Replacement"] == "False");
  CHECK((*queue)["Scope"] == Json::array({"Properties", "Tags"}));
  bool dynamic_tags = false;
  for (const auto& d : (*queue)["Details"])
    if (d["Target"]["Name"] == "Tags")
      dynamic_tags = d["Evaluation"] == "Dynamic" && d["ChangeSource"] == "ResourceReference";
  CHECK(dynamic_tags);

  auto* topic = change_for(*cs, "Topic");
  REQUIRE(topic);
  CHECK((*topic)["Action"] == "Remove");
  CHECK((*topic)["PolicyAction"] == "Delete");
  auto* param = change_for(*cs, "Param");
  REQUIRE(param);
  CHECK((*param)["Action"] == "Add");

  // Nothing happened yet.
  CHECK(w.aws.buckets().count("first-bucket") == 1);
  REQUIRE(w.cfn.execute_change_set(caller, "c1", "cs"));
  CHECK(w.stack("us-east-1", "cs").status == "UPDATE_COMPLETE");
  CHECK(w.aws.buckets().count("second-bucket") == 1);
  CHECK(w.aws.buckets().count("first-bucket") == 0);
  auto q = w.cfn.describe_stack_resource(caller, "cs", "Queue");
  REQUIRE(q);
  CHECK(q->properties["Tags"][0]["Value"] == "second-bucket");
}

TEST_CASE("an empty change set is FAILED with AWS's reason and cannot be executed") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "cs", kV1);
  REQUIRE(w.cfn.create_change_set(caller, change_set("same", kV1)));
  auto cs = w.cfn.describe_change_set(caller, "same", "cs");
  REQUIRE(cs);
  CHECK(cs->status == "FAILED");
  CHECK(cs->execution_status == "UNAVAILABLE");
  CHECK(cs->status_reason ==
        "The submitted information didn't contain changes. Submit different information to "
        "create a change set.");
  CHECK(cs->changes.empty());
  auto r = w.cfn.execute_change_set(caller, "same", "cs");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "InvalidChangeSetStatus");
  CHECK(r.error().message == "ChangeSet [" + cs->id + "] cannot be executed in its current status of [FAILED]");
}

TEST_CASE("executing a missing change set is ChangeSetNotFound") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "cs", kV1);
  auto r = w.cfn.execute_change_set(caller, "pipeline-changeset", "cs");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "ChangeSetNotFound");
  CHECK(r.error().message == "ChangeSet [pipeline-changeset] does not exist");
  CHECK(r.error().status == 404);
  // Also when the stack itself is missing (CHANGE_SET_EXECUTE before any CHANGE_SET_REPLACE).
  auto none = w.cfn.execute_change_set(caller, "pipeline-changeset", "nostack");
  REQUIRE_FALSE(none);
  CHECK(none.error().code == "ChangeSetNotFound");
}

TEST_CASE("executing a change set deletes the stack's other change sets") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "cs", kV1);
  REQUIRE(w.cfn.create_change_set(caller, change_set("a", kV1, {{"Name", "bucket-a"}})));
  REQUIRE(w.cfn.create_change_set(caller, change_set("b", kV1, {{"Name", "bucket-b"}})));
  auto dup = w.cfn.create_change_set(caller, change_set("b", kV1, {{"Name", "bucket-b"}}));
  REQUIRE_FALSE(dup);
  CHECK(dup.error().code == "AlreadyExistsException");
  auto listed = w.cfn.list_change_sets(caller, "cs");
  REQUIRE(listed);
  CHECK(listed->size() == 2);
  REQUIRE(w.cfn.execute_change_set(caller, "b", "cs"));
  listed = w.cfn.list_change_sets(caller, "cs");
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK(listed->front().name == "b");
  CHECK(listed->front().execution_status == "EXECUTE_COMPLETE");
  CHECK_FALSE(w.cfn.describe_change_set(caller, "a", "cs"));
  // The executed change set still describes what it changed (execution reads it without its
  // change list and rewrites only its execution status).
  auto executed = w.cfn.describe_change_set(caller, "b", "cs");
  REQUIRE(executed);
  CHECK(executed->status == "CREATE_COMPLETE");
  REQUIRE(change_for(*executed, "Bucket"));
  CHECK((*change_for(*executed, "Bucket"))["Action"] == "Modify");
}

TEST_CASE("a change set whose execution rolls back is EXECUTE_FAILED") {
  World w;
  auto caller = World::in("us-east-1");
  w.create("us-east-1", "cs", kV1);
  REQUIRE(w.cfn.create_change_set(caller, change_set("rename", kV1, {{"Name", "bucket-c"}})));
  w.providers->set_fault("AWS::S3::Bucket", "us-east-1", "Bucket quota exceeded");
  REQUIRE(w.cfn.execute_change_set(caller, "rename", "cs"));
  CHECK(w.stack("us-east-1", "cs").status == "UPDATE_ROLLBACK_COMPLETE");
  auto cs = w.cfn.describe_change_set(caller, "rename", "cs");
  REQUIRE(cs);
  CHECK(cs->execution_status == "EXECUTE_FAILED");
  CHECK(change_for(*cs, "Bucket"));
}

TEST_CASE("change sets keep the SSM values read when they were created") {
  World w;
  auto caller = World::in("eu-west-1");
  w.aws.put_parameter("eu-west-1", "/app/name", "v1-topic");
  const char* body = R"(
Parameters:
  TopicName:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /app/name
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref TopicName
)";
  ChangeSetInput in;
  in.stack_name = "ssm";
  in.change_set_name = "first";
  in.change_set_type = "CREATE";
  in.template_body = body;
  REQUIRE(w.cfn.create_change_set(caller, in));
  w.aws.put_parameter("eu-west-1", "/app/name", "v2-topic");  // changed after the change set
  REQUIRE(w.cfn.execute_change_set(caller, "first", "ssm"));
  auto s = w.stack("eu-west-1", "ssm");
  CHECK(s.status == "CREATE_COMPLETE");
  REQUIRE(s.parameters.size() == 1);
  CHECK(s.parameters[0].value == "/app/name");
  CHECK(s.parameters[0].resolved == "v1-topic");
  auto topic = w.cfn.describe_stack_resource(caller, "ssm", "Topic");
  REQUIRE(topic);
  CHECK(topic->physical_id == "arn:aws:sns:eu-west-1:123456789012:v1-topic");

  // An UPDATE change set re-reads the store: the new value is a change.
  in.change_set_name = "second";
  in.change_set_type = "UPDATE";
  REQUIRE(w.cfn.create_change_set(caller, in));
  auto cs = w.cfn.describe_change_set(caller, "second", "ssm");
  REQUIRE(cs);
  CHECK(cs->status == "CREATE_COMPLETE");
  REQUIRE(cs->changes.size() == 1);
  CHECK(cs->changes[0]["ResourceChange"]["Replacement"] == "True");
}

TEST_CASE("CREATE change set rules: REVIEW_IN_PROGRESS, no UPDATE on a missing stack") {
  World w;
  auto caller = World::in("us-east-1");
  ChangeSetInput in = change_set("x", kV1);
  in.change_set_type = "UPDATE";
  auto r = w.cfn.create_change_set(caller, in);
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "Stack [cs] does not exist");
  in.change_set_type = "CREATE";
  REQUIRE(w.cfn.create_change_set(caller, in));
  auto s = w.stack("us-east-1", "cs");
  CHECK(s.status == "REVIEW_IN_PROGRESS");
  auto lines = w.event_lines("us-east-1", "cs");
  CHECK(lines == std::vector<std::string>{"cs REVIEW_IN_PROGRESS User Initiated"});
  // A REVIEW_IN_PROGRESS stack cannot be updated directly.
  UpdateStackInput up;
  up.stack_name = "cs";
  up.template_body = kV1;
  auto u = w.cfn.update_stack(caller, up);
  REQUIRE_FALSE(u);
  CHECK(u.error().message == "Stack:" + s.id + " is in REVIEW_IN_PROGRESS state and can not be updated.");
}
