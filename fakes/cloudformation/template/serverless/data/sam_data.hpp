#pragma once
// Data tables generated from aws-sam-translator (see generate.py beside this file).
#include <string>
#include <vector>

namespace pipemu::cfn::sam {

struct ManagedPolicy {
  std::string name;  // "AmazonS3ReadOnlyAccess"
  std::string path;  // after ":policy/": "AmazonS3ReadOnlyAccess", "service-role/AWSLambdaRole"
};
const std::vector<ManagedPolicy>& managed_policies();

// {"SQSPollerPolicy": {"Definition": ..., "Parameters": {...}}, ...}
const std::string& policy_templates_json();

}  // namespace pipemu::cfn::sam
