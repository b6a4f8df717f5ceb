// The registry's fault rules reach CloudFormation at its service boundary, so the deploy actions'
// in-process calls and the query wire over HTTP (a build's aws CLI) see the same faults.
#include <catch2/catch.hpp>

#include <chrono>

#include "contract_support.hpp"
#include "engine/actions/local_aws.hpp"

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
