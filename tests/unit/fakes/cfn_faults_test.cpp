// The registry's fault rules reach CloudFormation at its service boundary, so the deploy actions'
// in-process calls and the query wire over HTTP (a build's aws CLI) see the same faults.
#include <catch2/catch.hpp>
#include <httplib.h>

#include <chrono>

#include "contract_support.hpp"
#include "engine/actions/local_aws.hpp"
#include "engine/session/loopback_fakes.hpp"

using namespace pipemu;
using namespace pipemu::test;

namespace {

const std::string kTemplate =
    "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

Reply query(Transport& t, const std::string& region, const std::string& action) {
  Headers h = signed_for(region, "cloudformation");
  h["Content-Type"] = "application/x-www-form-urlencoded";
  return t.send("POST", "/", h, "Version=2010-05-15&Action=" + action);
}

std::int64_t ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
      .count();
}

}  // namespace

TEST_CASE("an unavailable region fails CloudFormation calls in-process and over HTTP") {
  engine::LocalAws aws(std::nullopt);
  aws.registry().faults().add(
      {fakes::FaultRule::Kind::Unavailable, "eu-west-1", "cloudformation", "DescribeStacks", -1, {}});
  cfn::Caller eu{aws.account(), "eu-west-1"}, us{aws.account(), "us-east-1"};

  auto in = aws.cloudformation().describe_stacks(eu);
  REQUIRE_FALSE(in);
  CHECK(in.error().code == "ServiceUnavailable");
  CHECK(in.error().message == "Service is unavailable in eu-west-1");
  CHECK(aws.cloudformation().describe_stacks(us));  // other regions answer
  CHECK(aws.cloudformation().list_exports(eu));     // other operations answer

  auto http = over_http(aws.registry());
  Reply r = query(*http, "eu-west-1", "DescribeStacks");
  CHECK(r.status == 503);
  CHECK(r.body.find("<Code>ServiceUnavailable</Code>") != std::string::npos);
  CHECK(query(*http, "us-east-1", "DescribeStacks").status == 200);
}

TEST_CASE("a throttled CloudFormation operation fails the given number of times, then answers") {
  engine::LocalAws aws(std::nullopt);
  aws.registry().faults().add(
      {fakes::FaultRule::Kind::Throttle, "*", "cloudformation", "CreateStack", 2, {}});
  cfn::CreateStackInput in;
  in.stack_name = "throttled";
  in.template_body = kTemplate;
  cfn::Caller c{aws.account(), "ap-southeast-2"};

  auto first = aws.cloudformation().create_stack(c, in);
  REQUIRE_FALSE(first);
  CHECK(first.error().code == "Throttling");
  CHECK(first.error().message == "Rate exceeded");
  auto http = over_http(aws.registry());
  Reply second = query(*http, "ap-southeast-2", "CreateStack&StackName=throttled&TemplateBody=" +
                                                    fakes::url_encode(kTemplate, false));
  CHECK(second.status == 400);
  CHECK(second.body.find("<Code>Throttling</Code>") != std::string::npos);
  CHECK(aws.cloudformation().create_stack(c, in));  // the third call goes through
}

TEST_CASE("a slow CloudFormation operation takes the added latency on both paths") {
  engine::LocalAws aws(std::nullopt);
  aws.registry().faults().add({fakes::FaultRule::Kind::Slow, "us-east-1", "cloudformation", "*", -1,
                               std::chrono::milliseconds(120)});
  cfn::Caller us{aws.account(), "us-east-1"}, eu{aws.account(), "eu-west-1"};

  auto t0 = std::chrono::steady_clock::now();
  CHECK(aws.cloudformation().list_exports(us));
  CHECK(ms_since(t0) >= 120);

  auto http = over_http(aws.registry());
  t0 = std::chrono::steady_clock::now();
  CHECK(query(*http, "us-east-1", "ListExports").status == 200);
  CHECK(ms_since(t0) >= 120);

  t0 = std::chrono::steady_clock::now();
  CHECK(aws.cloudformation().list_exports(eu));
  CHECK(ms_since(t0) < 120);  // only the faulted region is slowed
}

TEST_CASE("a fault on ListStackResources hits that operation and not DescribeStackResources") {
  engine::LocalAws aws(std::nullopt);
  cfn::Caller c{aws.account(), "eu-west-1"};
  cfn::CreateStackInput in;
  in.stack_name = "listed";
  in.template_body = kTemplate;
  REQUIRE(aws.cloudformation().create_stack(c, in));
  aws.registry().faults().add(
      {fakes::FaultRule::Kind::Unavailable, "*", "cloudformation", "ListStackResources", -1, {}});

  auto listed = aws.cloudformation().list_stack_resources(c, "listed");
  REQUIRE_FALSE(listed);
  CHECK(listed.error().code == "ServiceUnavailable");
  auto described = aws.cloudformation().describe_stack_resources(c, "listed");
  REQUIRE(described);
  CHECK(described->size() == 1);
}

TEST_CASE("a resource fault reaches stacks a build creates over the run's loopback server") {
  engine::LocalAws aws(std::nullopt);
  aws.cloudformation().providers().set_fault("AWS::SNS::Topic", "eu-west-1",
                                             "Resource handler returned message: \"quota\"");
  engine::LoopbackFakes fakes(aws.registry(), 2, aws.shared_cloudformation());
  REQUIRE_FALSE(fakes.url().empty());
  httplib::Client client(fakes.url());
  auto form = [&](const std::string& body) {
    httplib::Headers h;
    for (const auto& [k, v] : signed_for("eu-west-1", "cloudformation")) h.emplace(k, v);
    return client.Post("/", h, "Version=2010-05-15&" + body, "application/x-www-form-urlencoded");
  };
  auto created = form("Action=CreateStack&StackName=from-build&TemplateBody=" +
                      fakes::url_encode(kTemplate, false));
  REQUIRE(created);
  CHECK(created->status == 200);
  auto stacks = form("Action=DescribeStacks&StackName=from-build");
  REQUIRE(stacks);
  CHECK(stacks->body.find("<StackStatus>ROLLBACK_COMPLETE</StackStatus>") != std::string::npos);
  auto events = form("Action=DescribeStackEvents&StackName=from-build");
  REQUIRE(events);
  CHECK(events->body.find("quota") != std::string::npos);
}
