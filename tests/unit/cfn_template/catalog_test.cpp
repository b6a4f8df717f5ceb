// The resource catalogue: documented attributes, Ref/ARN formats and update behaviour.
#include <catch2/catch.hpp>

#include "fakes/cloudformation/template/catalog.hpp"

using namespace pipemu::cfn;

namespace {

FormatValues values() {
  FormatValues v;
  v.partition = "aws";
  v.region = "eu-west-1";
  v.account = "123456789012";
  v.name = "service-x-jobs";
  v.id = "ABC123";
  v.stack = "demo";
  v.url_suffix = "amazonaws.com";
  return v;
}

std::string attr(const ResourceTypeInfo& t, const std::string& name) {
  for (const auto& a : t.attributes)
    if (a.name == name) return a.format.empty() ? "<provider>" : expand_format(a.format, values());
  return "<none>";
}

}  // namespace

TEST_CASE("known types give AWS's Ref values, ARNs and attributes") {
  const auto* q = find_resource_type("AWS::SQS::Queue");
  REQUIRE(q);
  CHECK(expand_format(q->ref_format, values()) == "https://sqs.eu-west-1.amazonaws.com/123456789012/service-x-jobs");
  CHECK(attr(*q, "Arn") == "arn:aws:sqs:eu-west-1:123456789012:service-x-jobs");
  CHECK(attr(*q, "QueueName") == "service-x-jobs");
  CHECK(q->name_property == "QueueName");

  const auto* fn = find_resource_type("AWS::Lambda::Function");
  REQUIRE(fn);
  CHECK(expand_format(fn->arn_format, values()) == "arn:aws:lambda:eu-west-1:123456789012:function:service-x-jobs");
  const auto* role = find_resource_type("AWS::IAM::Role");
  REQUIRE(role);
  CHECK(attr(*role, "Arn") == "arn:aws:iam::123456789012:role/service-x-jobs");
  CHECK(attr(*role, "RoleId").rfind("AROA", 0) == 0);
  const auto* topic = find_resource_type("AWS::SNS::Topic");
  REQUIRE(topic);
  CHECK(expand_format(topic->ref_format, values()) == "arn:aws:sns:eu-west-1:123456789012:service-x-jobs");
  CHECK(attr(*find_resource_type("AWS::S3::Bucket"), "RegionalDomainName") ==
        "service-x-jobs.s3.eu-west-1.amazonaws.com");
  CHECK(find_resource_type("AWS::Made::Up") == nullptr);
  CHECK(resource_types().size() >= 40);
}

TEST_CASE("update behaviour per property drives change-set Replacement") {
  CHECK(update_behavior("AWS::SQS::Queue", "QueueName") == UpdateBehavior::Always);
  CHECK(update_behavior("AWS::SQS::Queue", "FifoQueue") == UpdateBehavior::Always);
  CHECK(update_behavior("AWS::SQS::Queue", "VisibilityTimeout") == UpdateBehavior::Never);
  CHECK(update_behavior("AWS::S3::Bucket", "BucketName") == UpdateBehavior::Always);
  CHECK(update_behavior("AWS::Lambda::Function", "FunctionName") == UpdateBehavior::Always);
  CHECK(update_behavior("AWS::Lambda::Function", "Code") == UpdateBehavior::Never);
  CHECK(update_behavior("AWS::DynamoDB::Table", "AttributeDefinitions") == UpdateBehavior::Conditionally);
  CHECK(update_behavior("AWS::IAM::Role", "RoleName") == UpdateBehavior::Always);
  CHECK(update_behavior("AWS::Made::Up", "Anything") == UpdateBehavior::Never);
  CHECK(std::string(to_string(UpdateBehavior::Conditionally)) == "Conditionally");
}

TEST_CASE("placeholders a caller leaves empty expand to stable generated values") {
  FormatValues v = values();
  std::string vpc = expand_format("vpc-{hex}", v);
  CHECK(vpc.size() == 4 + 17);
  CHECK(vpc == expand_format("vpc-{hex}", v));
  CHECK(expand_format("{uuid}", v).size() == 36);
  CHECK(expand_format("Z{ID}", v).size() == 14);
  v.hex = "0123456789abcdef0";
  CHECK(expand_format("vpc-{hex}", v) == "vpc-0123456789abcdef0");
  CHECK(expand_format("{unknown}-{name}", v) == "{unknown}-service-x-jobs");
}
