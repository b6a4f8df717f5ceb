// Resource types. CloudFormation rejects a type it does not know before creating anything
// ("Unrecognized resource types: [...]"). pipemu only knows a catalogue of common types, so a
// type outside it is a warning, not an error, and the resource is kept as written.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "model/text.hpp"
#include "model/validate/rules.hpp"

namespace pipemu::model::validate {
namespace {

const std::vector<std::string>& catalogue() {
  static const std::vector<std::string> types = {"AWS::ApiGateway::Account",
                                                 "AWS::ApiGateway::ApiKey",
                                                 "AWS::ApiGateway::Authorizer",
                                                 "AWS::ApiGateway::BasePathMapping",
                                                 "AWS::ApiGateway::Deployment",
                                                 "AWS::ApiGateway::DomainName",
                                                 "AWS::ApiGateway::Method",
                                                 "AWS::ApiGateway::Model",
                                                 "AWS::ApiGateway::Resource",
                                                 "AWS::ApiGateway::RestApi",
                                                 "AWS::ApiGateway::Stage",
                                                 "AWS::ApiGateway::UsagePlan",
                                                 "AWS::ApiGatewayV2::Api",
                                                 "AWS::ApiGatewayV2::Integration",
                                                 "AWS::ApiGatewayV2::Route",
                                                 "AWS::ApiGatewayV2::Stage",
                                                 "AWS::ApiGatewayV2::DomainName",
                                                 "AWS::ApiGatewayV2::ApiMapping",
                                                 "AWS::AppSync::GraphQLApi",
                                                 "AWS::AppSync::GraphQLSchema",
                                                 "AWS::AppSync::Resolver",
                                                 "AWS::AutoScaling::AutoScalingGroup",
                                                 "AWS::AutoScaling::LaunchConfiguration",
                                                 "AWS::CertificateManager::Certificate",
                                                 "AWS::CloudFormation::CustomResource",
                                                 "AWS::CloudFormation::Stack",
                                                 "AWS::CloudFormation::WaitCondition",
                                                 "AWS::CloudFormation::WaitConditionHandle",
                                                 "AWS::CloudFront::Distribution",
                                                 "AWS::CloudFront::CloudFrontOriginAccessIdentity",
                                                 "AWS::CloudTrail::Trail",
                                                 "AWS::CloudWatch::Alarm",
                                                 "AWS::CloudWatch::Dashboard",
                                                 "AWS::CodeBuild::Project",
                                                 "AWS::CodeBuild::ReportGroup",
                                                 "AWS::CodeCommit::Repository",
                                                 "AWS::CodeDeploy::Application",
                                                 "AWS::CodeDeploy::DeploymentGroup",
                                                 "AWS::CodePipeline::CustomActionType",
                                                 "AWS::CodePipeline::Pipeline",
                                                 "AWS::CodePipeline::Webhook",
                                                 "AWS::CodeStarConnections::Connection",
                                                 "AWS::Cognito::UserPool",
                                                 "AWS::Cognito::UserPoolClient",
                                                 "AWS::Cognito::IdentityPool",
                                                 "AWS::DynamoDB::Table",
                                                 "AWS::DynamoDB::GlobalTable",
                                                 "AWS::EC2::EIP",
                                                 "AWS::EC2::Instance",
                                                 "AWS::EC2::InternetGateway",
                                                 "AWS::EC2::LaunchTemplate",
                                                 "AWS::EC2::NatGateway",
                                                 "AWS::EC2::Route",
                                                 "AWS::EC2::RouteTable",
                                                 "AWS::EC2::SecurityGroup",
                                                 "AWS::EC2::SecurityGroupIngress",
                                                 "AWS::EC2::SecurityGroupEgress",
                                                 "AWS::EC2::Subnet",
                                                 "AWS::EC2::SubnetRouteTableAssociation",
                                                 "AWS::EC2::VPC",
                                                 "AWS::EC2::VPCEndpoint",
                                                 "AWS::EC2::VPCGatewayAttachment",
                                                 "AWS::EC2::Volume",
                                                 "AWS::ECR::Repository",
                                                 "AWS::ECS::Cluster",
                                                 "AWS::ECS::Service",
                                                 "AWS::ECS::TaskDefinition",
                                                 "AWS::EFS::FileSystem",
                                                 "AWS::EFS::MountTarget",
                                                 "AWS::EKS::Cluster",
                                                 "AWS::EKS::Nodegroup",
                                                 "AWS::ElastiCache::CacheCluster",
                                                 "AWS::ElastiCache::ReplicationGroup",
                                                 "AWS::ElastiCache::SubnetGroup",
                                                 "AWS::ElasticLoadBalancingV2::Listener",
                                                 "AWS::ElasticLoadBalancingV2::ListenerRule",
                                                 "AWS::ElasticLoadBalancingV2::LoadBalancer",
                                                 "AWS::ElasticLoadBalancingV2::TargetGroup",
                                                 "AWS::ElasticLoadBalancing::LoadBalancer",
                                                 "AWS::ElasticBeanstalk::Application",
                                                 "AWS::ElasticBeanstalk::ApplicationVersion",
                                                 "AWS::ElasticBeanstalk::Environment",
                                                 "AWS::Events::EventBus",
                                                 "AWS::Events::Rule",
                                                 "AWS::Glue::Job",
                                                 "AWS::Glue::Database",
                                                 "AWS::Glue::Table",
                                                 "AWS::IAM::AccessKey",
                                                 "AWS::IAM::Group",
                                                 "AWS::IAM::InstanceProfile",
                                                 "AWS::IAM::ManagedPolicy",
                                                 "AWS::IAM::Policy",
                                                 "AWS::IAM::Role",
                                                 "AWS::IAM::User",
                                                 "AWS::IAM::ServiceLinkedRole",
                                                 "AWS::Kinesis::Stream",
                                                 "AWS::KinesisFirehose::DeliveryStream",
                                                 "AWS::KMS::Alias",
                                                 "AWS::KMS::Key",
                                                 "AWS::Lambda::Alias",
                                                 "AWS::Lambda::EventInvokeConfig",
                                                 "AWS::Lambda::EventSourceMapping",
                                                 "AWS::Lambda::Function",
                                                 "AWS::Lambda::LayerVersion",
                                                 "AWS::Lambda::LayerVersionPermission",
                                                 "AWS::Lambda::Permission",
                                                 "AWS::Lambda::Url",
                                                 "AWS::Lambda::Version",
                                                 "AWS::Logs::LogGroup",
                                                 "AWS::Logs::MetricFilter",
                                                 "AWS::Logs::SubscriptionFilter",
                                                 "AWS::OpenSearchService::Domain",
                                                 "AWS::RDS::DBCluster",
                                                 "AWS::RDS::DBInstance",
                                                 "AWS::RDS::DBSubnetGroup",
                                                 "AWS::RDS::DBParameterGroup",
                                                 "AWS::Route53::HostedZone",
                                                 "AWS::Route53::RecordSet",
                                                 "AWS::Route53::RecordSetGroup",
                                                 "AWS::S3::Bucket",
                                                 "AWS::S3::BucketPolicy",
                                                 "AWS::SNS::Subscription",
                                                 "AWS::SNS::Topic",
                                                 "AWS::SNS::TopicPolicy",
                                                 "AWS::SQS::Queue",
                                                 "AWS::SQS::QueuePolicy",
                                                 "AWS::SSM::Document",
                                                 "AWS::SSM::Parameter",
                                                 "AWS::SecretsManager::Secret",
                                                 "AWS::SecretsManager::SecretTargetAttachment",
                                                 "AWS::Serverless::Api",
                                                 "AWS::Serverless::Application",
                                                 "AWS::Serverless::Function",
                                                 "AWS::Serverless::HttpApi",
                                                 "AWS::Serverless::LayerVersion",
                                                 "AWS::Serverless::SimpleTable",
                                                 "AWS::Serverless::StateMachine",
                                                 "AWS::StepFunctions::Activity",
                                                 "AWS::StepFunctions::StateMachine",
                                                 "AWS::WAFv2::WebACL",
                                                 "AWS::WAFv2::WebACLAssociation"};
  return types;
}

}  // namespace

void check_resource_types(const Template& t, Diagnostics& d) {
  // Service and resource parts are alphanumeric; Custom:: types are free-form.
  static const std::regex shape(R"(^(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$)");
  for (const auto& r : t.resources) {
    if (r.type.empty() || r.type.rfind("Custom::", 0) == 0) continue;
    const auto& known = catalogue();
    if (std::find(known.begin(), known.end(), r.type) != known.end()) continue;
    std::string near = text::closest(r.type, known);
    if (r.type.size() > 256 || !std::regex_match(r.type, shape)) {
      d.error(r.type_mark,
              fmt::format("Template format error: Unrecognized resource types: [{}]", r.type),
              "resource-type-unknown",
              near.empty() ? "resource types look like 'AWS::Service::Resource' (or 'Custom::Name')"
                           : fmt::format("did you mean '{}'?", near));
    } else if (!near.empty()) {
      d.warning(
          r.type_mark,
          fmt::format("unknown resource type '{}'; if it does not exist CloudFormation rejects the "
                      "template with \"Unrecognized resource types: [{}]\"",
                      r.type, r.type),
          "resource-type-unknown", fmt::format("did you mean '{}'?", near));
    } else {
      d.warning(r.type_mark,
                fmt::format(
                    "pipemu does not know resource type '{}'; the resource is kept as written but "
                    "nothing inside it is checked",
                    r.type),
                "resource-type-unknown");
    }
  }
}

}  // namespace pipemu::model::validate
