// The query protocol: form-encoded requests in, XML responses and AWS error bodies out.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "fakes/cloudformation/wire/wire.hpp"
#include "world_support.hpp"

using namespace pipemu;
using namespace pipemu::cfn;
using namespace pipemu::cfn::test;

namespace {

fakes::HttpResponse call(World& w, const std::string& region,
                         std::vector<std::pair<std::string, std::string>> fields) {
  fakes::HttpRequest req;
  req.method = "POST";
  req.path = "/";
  req.region = region;
  req.account = "123456789012";
  req.signing_service = "cloudformation";
  req.body = "Version=2010-05-15";
  for (const auto& [k, v] : fields) req.body += "&" + k + "=" + fakes::url_encode(v, false);
  return wire::handle(w.cfn, req);
}

pugi::xml_document parse(const std::string& body) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(body.c_str()));
  return doc;
}

}  // namespace

TEST_CASE("wire: CreateStack with parameters and capabilities, then DescribeStacks") {
  World w;
  auto r = call(w, "eu-west-1",
                {{"Action", "CreateStack"},
                 {"StackName", "wired"},
                 {"TemplateBody",
                  "Parameters:\n  N:\n    Type: String\n    NoEcho: true\nResources:\n  T:\n"
                  "    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref N\n"},
                 {"Parameters.member.1.ParameterKey", "N"},
                 {"Parameters.member.1.ParameterValue", "my-topic"},
                 {"Capabilities.member.1", "CAPABILITY_IAM"},
                 {"Tags.member.1.Key", "team"},
                 {"Tags.member.1.Value", "a"}});
  REQUIRE(r.status == 200);
  auto doc = parse(r.body);
  auto id = doc.select_node("/CreateStackResponse/CreateStackResult/StackId").node();
  CHECK(std::string(id.text().get()).rfind("arn:aws:cloudformation:eu-west-1:", 0) == 0);
  CHECK(doc.select_node("/CreateStackResponse/ResponseMetadata/RequestId"));

  r = call(w, "eu-west-1", {{"Action", "DescribeStacks"}, {"StackName", "wired"}});
  REQUIRE(r.status == 200);
  doc = parse(r.body);
  auto stack = doc.select_node("/DescribeStacksResponse/DescribeStacksResult/Stacks/member").node();
  CHECK(std::string(stack.child("StackStatus").text().get()) == "CREATE_COMPLETE");
  CHECK(std::string(stack.child("Parameters").child("member").child("ParameterValue").text().get()) == "****");
  CHECK(std::string(stack.child("Capabilities").child("member").text().get()) == "CAPABILITY_IAM");
  CHECK(std::string(stack.child("Tags").child("member").child("Key").text().get()) == "team");
  auto resources = w.cfn.describe_stack_resource(World::in("eu-west-1"), "wired", "T");
  REQUIRE(resources);
  CHECK(resources->physical_id == "arn:aws:sns:eu-west-1:123456789012:my-topic");
}

TEST_CASE("wire: errors are ErrorResponse bodies with AWS's codes and statuses") {
  World w;
  auto r = call(w, "us-east-1", {{"Action", "DescribeStacks"}, {"StackName", "missing"}});
  CHECK(r.status == 400);
  auto doc = parse(r.body);
  auto err = doc.select_node("/ErrorResponse/Error").node();
  CHECK(std::string(err.child("Type").text().get()) == "Sender");
  CHECK(std::string(err.child("Code").text().get()) == "ValidationError");
  CHECK(std::string(err.child("Message").text().get()) == "Stack with id missing does not exist");

  r = call(w, "us-east-1", {{"Action", "ExecuteChangeSet"},
                            {"StackName", "missing"},
                            {"ChangeSetName", "pipeline-changeset"}});
  CHECK(r.status == 404);
  doc = parse(r.body);
  CHECK(std::string(doc.select_node("/ErrorResponse/Error/Code").node().text().get()) ==
        "ChangeSetNotFound");

  r = call(w, "us-east-1", {{"Action", "Frobnicate"}});
  CHECK(r.status == 400);
  doc = parse(r.body);
  CHECK(std::string(doc.select_node("/ErrorResponse/Error/Message").node().text().get()) ==
        "The action Frobnicate is not valid for this web service.");
}

TEST_CASE("wire: change sets, DeleteStack without a Result element, ListExports") {
  World w;
  auto body = fixture("exporter.yaml");
  auto r = call(w, "us-east-1", {{"Action", "CreateChangeSet"},
                                 {"StackName", "exp"},
                                 {"ChangeSetName", "cs1"},
                                 {"ChangeSetType", "CREATE"},
                                 {"TemplateBody", body}});
  REQUIRE(r.status == 200);
  r = call(w, "us-east-1",
           {{"Action", "DescribeChangeSet"}, {"StackName", "exp"}, {"ChangeSetName", "cs1"}});
  REQUIRE(r.status == 200);
  auto doc = parse(r.body);
  auto res = doc.select_node("/DescribeChangeSetResponse/DescribeChangeSetResult").node();
  CHECK(std::string(res.child("Status").text().get()) == "CREATE_COMPLETE");
  auto change = res.child("Changes").child("member");
  CHECK(std::string(change.child("Type").text().get()) == "Resource");
  CHECK(std::string(change.child("ResourceChange").child("Action").text().get()) == "Add");
  CHECK(std::string(change.child("ResourceChange").child("LogicalResourceId").text().get()) ==
        "Param");

  r = call(w, "us-east-1",
           {{"Action", "ExecuteChangeSet"}, {"StackName", "exp"}, {"ChangeSetName", "cs1"}});
  REQUIRE(r.status == 200);
  CHECK(parse(r.body).select_node("/ExecuteChangeSetResponse/ExecuteChangeSetResult"));

  r = call(w, "us-east-1", {{"Action", "ListExports"}});
  REQUIRE(r.status == 200);
  doc = parse(r.body);
  auto e = doc.select_node("/ListExportsResponse/ListExportsResult/Exports/member").node();
  CHECK(std::string(e.child("Name").text().get()) == "shared-name");

  r = call(w, "us-east-1", {{"Action", "DeleteStack"}, {"StackName", "exp"}});
  REQUIRE(r.status == 200);
  doc = parse(r.body);
  CHECK(doc.select_node("/DeleteStackResponse/ResponseMetadata"));
  CHECK_FALSE(doc.select_node("/DeleteStackResponse/DeleteStackResult"));
}
