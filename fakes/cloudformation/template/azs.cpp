// Availability zones per region for Fn::GetAZs. The letters are those each region offers to a
// new account (e.g. us-east-1 has a-f, most regions a-c), so templates that Select index 2 or
// 3 behave as they would on AWS.
#include <map>

#include "fakes/cloudformation/template/evaluator.hpp"

namespace pipemu::cfn {

std::vector<std::string> availability_zones(const std::string& region) {
  static const std::map<std::string, std::string> kLetters = {
      {"us-east-1", "abcdef"}, {"us-east-2", "abc"},      {"us-west-1", "ac"},
      {"us-west-2", "abcd"},   {"ca-central-1", "abd"},   {"eu-west-1", "abc"},
      {"eu-west-2", "abc"},    {"eu-west-3", "abc"},      {"eu-central-1", "abc"},
      {"eu-central-2", "abc"}, {"eu-north-1", "abc"},     {"eu-south-1", "abc"},
      {"ap-northeast-1", "acd"}, {"ap-northeast-2", "abcd"}, {"ap-northeast-3", "abc"},
      {"ap-southeast-1", "abc"}, {"ap-southeast-2", "abc"}, {"ap-south-1", "abc"},
      {"sa-east-1", "abc"},    {"me-south-1", "abc"},     {"af-south-1", "abc"},
      {"ap-east-1", "abc"},    {"cn-north-1", "ab"},      {"cn-northwest-1", "abc"},
      {"us-gov-west-1", "abc"}, {"us-gov-east-1", "abc"}};
  auto it = kLetters.find(region);
  std::string letters = it == kLetters.end() ? "abc" : it->second;
  std::vector<std::string> out;
  for (char c : letters) out.push_back(region + c);
  return out;
}

}  // namespace pipemu::cfn
