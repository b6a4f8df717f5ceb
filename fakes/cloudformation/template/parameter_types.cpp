#include "fakes/cloudformation/template/parameter_types.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace pipemu::cfn {
namespace {

constexpr std::array<std::string_view, 10> kAwsTypes = {
    "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id",
    "AWS::EC2::Instance::Id",           "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id",             "AWS::EC2::Volume::Id",
    "AWS::EC2::VPC::Id",                "AWS::Route53::HostedZone::Id"};

bool strip(std::string_view& s, std::string_view prefix, std::string_view suffix) {
  if (s.size() < prefix.size() + suffix.size() || s.substr(0, prefix.size()) != prefix ||
      s.substr(s.size() - suffix.size()) != suffix)
    return false;
  s = s.substr(prefix.size(), s.size() - prefix.size() - suffix.size());
  return true;
}

bool plain_type(std::string_view t) {
  if (t == "String" || t == "Number" || t == "List<Number>" || t == "CommaDelimitedList") return true;
  std::string_view inner = t;
  if (strip(inner, "List<", ">")) t = inner;
  return std::find(kAwsTypes.begin(), kAwsTypes.end(), t) != kAwsTypes.end();
}

}  // namespace

bool is_aws_specific_type(const std::string& type) {
  return std::find(kAwsTypes.begin(), kAwsTypes.end(), type) != kAwsTypes.end();
}

bool is_valid_parameter_type(const std::string& type) {
  if (type == "AWS::SSM::Parameter::Name") return true;
  std::string_view t = type;
  if (strip(t, "AWS::SSM::Parameter::Value<", ">"))
    return t == "String" || t == "List<String>" || t == "CommaDelimitedList" || plain_type(t);
  return plain_type(t);
}

std::string ssm_inner_type(const std::string& type) {
  std::string_view t = type;
  if (strip(t, "AWS::SSM::Parameter::Value<", ">")) return std::string(t);
  return type;
}

}  // namespace pipemu::cfn
