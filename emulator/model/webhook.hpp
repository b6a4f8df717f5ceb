#pragma once
// An AWS::CodePipeline::Webhook as plain data: how a push is authenticated, which filters it
// must pass, and which source action of which pipeline it starts.
#include <string>
#include <vector>

#include "model/node.hpp"
#include "model/parsed.hpp"

namespace pipemu::model {

struct WebhookFilter {
  std::string json_path;     // e.g. "$.ref" (Jayway JsonPath)
  std::string match_equals;  // e.g. "refs/heads/{Branch}"; empty: the path must just exist
  Mark mark;
  Mark match_equals_mark;
};

struct Webhook {
  std::string logical_id;
  std::string name;
  Mark mark;
  std::string authentication;  // GITHUB_HMAC, IP, UNAUTHENTICATED
  Mark authentication_mark;
  Node secret_token;             // AuthenticationConfiguration.SecretToken (GITHUB_HMAC)
  std::string allowed_ip_range;  // AuthenticationConfiguration.AllowedIPRange (IP)
  std::vector<WebhookFilter> filters;
  Node target_pipeline;  // usually {Ref: Pipeline} in a template
  std::string target_action;
  Mark target_action_mark;
  Node target_pipeline_version;
  bool register_with_third_party = false;
};

Parsed<Webhook> webhook_from_cfn(const Node& properties, const std::string& logical_id = {});

}  // namespace pipemu::model
