// The CloudFormation deploy action in every mode, against the in-memory CloudFormation fake.
#include <catch2/catch.hpp>

#include <map>

#include "deploy/cloudformation_action.hpp"
#include "engine/actions/local_aws.hpp"

using namespace pipemu;

namespace {

const char* kTemplate = R"(
Parameters:
  Env:
    Type: String
  Code:
    Type: String
    Default: none
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "orders-${Env}"
Outputs:
  TopicArn:
    Value: !Ref Topic
    Export:
      Name: !Sub "${Env}-TopicArn"
  CodeKey:
    Value: !Ref Code
)";

const char* kTemplateTwo = R"(
Parameters:
  Env:
    Type: String
  Code:
    Type: String
    Default: none
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "orders-${Env}"
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  TopicArn:
    Value: !Ref Topic
  CodeKey:
    Value: !Ref Code
)";

struct Fixture {
  engine::LocalAws aws{std::nullopt};
  std::map<std::string, std::map<std::string, std::string>> files = {
      {"BuildOutput",
       {{"template.yaml", kTemplate},
        {"two.yaml", kTemplateTwo},
        {"config.json", R"({"Parameters": {"Env": "prod"}, "Tags": {"team": "x"}})"},
        {"values.json", R"({"code": "v42"})"}}}};
  std::vector<std::string> log;

  deploy::CfnActionResult run(std::map<std::string, std::string> config, const std::string& region = "us-east-1") {
    deploy::CfnActionRequest req;
    req.region = region;
    req.configuration = std::move(config);
    req.inputs = {{"BuildOutput", "store-us", "p/BuildOutpu/abc1234", region}};
    req.read = [this](const std::string& art, const std::string& path) -> Expected<std::string, std::string> {
      auto a = files.find(art);
      if (a == files.end() || !a->second.count(path))
        return unexpected("File [" + path + "] does not exist in artifact [" + art + "]");
      return a->second[path];
    };
    req.log = [this](const std::string& l) { log.push_back(l); };
    return deploy::run_cloudformation_action(aws.cloudformation(), req);
  }
};

std::map<std::string, std::string> create_update(const std::string& tpl = "template.yaml") {
  return {{"ActionMode", "CREATE_UPDATE"},
          {"StackName", "orders"},
          {"TemplatePath", "BuildOutput::" + tpl},
          {"ParameterOverrides", R"({"Env": "prod"})"}};
}

}  // namespace

TEST_CASE("CREATE_UPDATE creates, then an identical update is a success with no changes", "[deploy]") {
  Fixture f;
  auto first = f.run(create_update());
  REQUIRE(first.error == "");
  REQUIRE(first.ok);
  CHECK(first.stack->status == "CREATE_COMPLETE");
  CHECK(first.summary == "Stack orders: CREATE_COMPLETE");
  CHECK(first.outputs.at("CodeKey") == "none");
  CHECK(first.outputs.count("TopicArn") == 1);
  REQUIRE(first.exports.size() == 1);
  CHECK(first.exports[0].name == "prod-TopicArn");
  CHECK_FALSE(f.log.empty());

  auto again = f.run(create_update());
  REQUIRE(again.ok);
  CHECK(again.summary == "Stack orders: no changes (CREATE_COMPLETE)");

  auto changed = f.run(create_update("two.yaml"));
  REQUIRE(changed.ok);
  CHECK(changed.stack->status == "UPDATE_COMPLETE");
  CHECK(changed.resources.size() == 2);
}

TEST_CASE("CHANGE_SET_REPLACE then CHANGE_SET_EXECUTE; an empty change set succeeds in both", "[deploy]") {
  Fixture f;
  auto cfg = create_update();
  cfg["ActionMode"] = "CHANGE_SET_REPLACE";
  cfg["ChangeSetName"] = "orders-cs";
  auto replace = f.run(cfg);
  REQUIRE(replace.error == "");
  CHECK(replace.change_set->type == "CREATE");
  CHECK(replace.summary == "Change set orders-cs on stack orders: 1 change(s) (CREATE)");
  CHECK(replace.stack->status == "REVIEW_IN_PROGRESS");

  std::map<std::string, std::string> exec = {{"ActionMode", "CHANGE_SET_EXECUTE"},
                                             {"StackName", "orders"},
                                             {"ChangeSetName", "orders-cs"}};
  auto executed = f.run(exec);
  REQUIRE(executed.error == "");
  CHECK(executed.stack->status == "CREATE_COMPLETE");

  auto empty = f.run(cfg);  // same template and parameters: nothing to change
  REQUIRE(empty.ok);
  CHECK(empty.summary == "Change set orders-cs on stack orders: no changes");
  CHECK(empty.change_set->status == "FAILED");
  auto noop = f.run(exec);
  REQUIRE(noop.ok);
  CHECK(noop.summary == "Change set orders-cs on stack orders: no changes");
}

TEST_CASE("CHANGE_SET_EXECUTE without the change set fails with CloudFormation's message", "[deploy]") {
  Fixture f;
  auto r = f.run({{"ActionMode", "CHANGE_SET_EXECUTE"}, {"StackName", "nope"}, {"ChangeSetName", "cs"}});
  CHECK_FALSE(r.ok);
  CHECK(r.error == "ChangeSet [cs] does not exist");
}

TEST_CASE("DELETE_ONLY: absent stack is a success, present stack is deleted", "[deploy]") {
  Fixture f;
  std::map<std::string, std::string> del = {{"ActionMode", "DELETE_ONLY"}, {"StackName", "orders"}};
  auto absent = f.run(del);
  REQUIRE(absent.ok);
  CHECK(absent.summary == "Stack orders does not exist: nothing to delete");
  REQUIRE(f.run(create_update()).ok);
  auto gone = f.run(del);
  REQUIRE(gone.ok);
  CHECK(gone.summary == "Stack orders: DELETE_COMPLETE");
  auto live = f.aws.cloudformation().describe_stacks({"123456789012", "us-east-1"}, "orders");
  CHECK_FALSE(live);
}

TEST_CASE("a create failing on a template-level error carries the stack's reason", "[deploy]") {
  Fixture f;
  f.files["BuildOutput"]["import.yaml"] = R"(
Resources:
  Sub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !ImportValue ops-alerts-topic-arn
      Protocol: sqs
      Endpoint: arn:aws:sqs:us-east-1:123456789012:q
)";
  auto cfg = create_update();
  cfg["TemplatePath"] = "BuildOutput::import.yaml";
  cfg.erase("ParameterOverrides");
  auto failed = f.run(cfg);
  CHECK_FALSE(failed.ok);
  // No resource failed (the property never evaluated): CloudFormation's rollback reason is shown.
  CHECK(failed.error ==
        "Stack orders is in ROLLBACK_COMPLETE state: No export named ops-alerts-topic-arn found. "
        "Rollback requested by user.");
}

TEST_CASE("a failed create: CREATE_UPDATE cannot update it, REPLACE_ON_FAILURE recreates it", "[deploy]") {
  Fixture f;
  f.aws.cloudformation().providers().set_fault("AWS::SNS::Topic", "us-east-1", "Topic quota exceeded");
  auto failed = f.run(create_update());
  CHECK_FALSE(failed.ok);
  CHECK(failed.error.find("ROLLBACK_COMPLETE") != std::string::npos);
  CHECK(failed.error.find("Topic quota exceeded") != std::string::npos);
  f.aws.cloudformation().providers().clear_faults();

  auto blocked = f.run(create_update());
  CHECK_FALSE(blocked.ok);
  CHECK(blocked.error.rfind("Stack:arn:aws:cloudformation:us-east-1:123456789012:stack/orders/", 0) == 0);
  CHECK(blocked.error.find("is in ROLLBACK_COMPLETE state and can not be updated.") != std::string::npos);

  auto cfg = create_update();
  cfg["ActionMode"] = "REPLACE_ON_FAILURE";
  auto replaced = f.run(cfg);
  REQUIRE(replaced.error == "");
  CHECK(replaced.stack->status == "CREATE_COMPLETE");
}

TEST_CASE("TemplateConfiguration, then ParameterOverrides with Fn::GetParam and Fn::GetArtifactAtt",
          "[deploy]") {
  Fixture f;
  std::map<std::string, std::string> cfg = {
      {"ActionMode", "CREATE_UPDATE"},
      {"StackName", "orders"},
      {"TemplatePath", "BuildOutput::template.yaml"},
      {"TemplateConfiguration", "BuildOutput::config.json"},
      {"ParameterOverrides", R"({"Code": {"Fn::GetParam": ["BuildOutput", "values.json", "code"]}})"}};
  auto r = f.run(cfg);
  REQUIRE(r.error == "");
  CHECK(r.outputs.at("CodeKey") == "v42");
  CHECK(r.exports[0].name == "prod-TopicArn");

  cfg["ParameterOverrides"] = R"({"Code": {"Fn::GetArtifactAtt": ["BuildOutput", "ObjectKey"]}})";
  auto att = f.run(cfg);
  REQUIRE(att.error == "");
  CHECK(att.outputs.at("CodeKey") == "p/BuildOutpu/abc1234");
}

TEST_CASE("configuration errors name the key and the artifact", "[deploy]") {
  Fixture f;
  auto cfg = create_update();
  cfg["TemplatePath"] = "Other::template.yaml";
  CHECK(f.run(cfg).error ==
        "Invalid action configuration: TemplatePath refers to artifact Other, which is not an input "
        "artifact of this action");
  cfg["TemplatePath"] = "BuildOutput::missing.yaml";
  CHECK(f.run(cfg).error == "File [missing.yaml] does not exist in artifact [BuildOutput]");
  cfg["TemplatePath"] = "template.yaml";
  CHECK(f.run(cfg).error ==
        "Invalid action configuration: TemplatePath 'template.yaml' must be of the form "
        "ArtifactName::path/to/file");
  cfg = create_update();
  cfg["ParameterOverrides"] = R"({"Code": {"Fn::GetParam": ["BuildOutput", "values.json", "nokey"]}})";
  CHECK(f.run(cfg).error == "Fn::GetParam [BuildOutput, values.json, nokey]: key nokey not found in values.json");
  cfg["ParameterOverrides"] = "not json";
  CHECK(f.run(cfg).error == "Invalid action configuration: ParameterOverrides must be a JSON object, got: not json");
  cfg = create_update();
  cfg["ActionMode"] = "UPSERT";
  auto bad = f.run(cfg);
  CHECK(bad.error_code == "ConfigurationError");
  CHECK(bad.error ==
        "Invalid action configuration: ActionMode UPSERT is not one of CHANGE_SET_EXECUTE, "
        "CHANGE_SET_REPLACE, CREATE_UPDATE, DELETE_ONLY, REPLACE_ON_FAILURE");
  cfg = create_update();
  cfg["ParameterOverrides"] = R"({"Nope": "x", "Env": "prod"})";
  CHECK(f.run(cfg).error == "Parameters: [Nope] do not exist in the template");
}
