#pragma once
// CodePipeline webhooks (aws-semantics.md §7): authenticate a push delivered by GitHub
// (GITHUB_HMAC: X-Hub-Signature-256 checked in constant time; IP; UNAUTHENTICATED), then apply
// the webhook's Filters: every rule's JsonPath must select a value equal to MatchEquals, whose
// `{Key}` placeholders are replaced by the target action's configuration (`refs/heads/{Branch}`).
// Pure functions: `pipemu serve` calls evaluate_webhook for its webhook URL, the CLI for a
// payload file.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::source {

struct FilterRule {
  std::string json_path;     // "$.ref"
  std::string match_equals;  // "refs/heads/{Branch}"; empty: the path must merely exist
};

struct WebhookConfig {
  std::string authentication = "GITHUB_HMAC";  // GITHUB_HMAC, IP, UNAUTHENTICATED
  std::string secret;                          // SecretToken (GITHUB_HMAC)
  std::string allowed_ip_range;                // AllowedIPRange (IP), CIDR
  std::vector<FilterRule> filters;
  std::map<std::string, std::string> action_configuration;  // the target source action's
};

struct WebhookDelivery {
  std::string body;
  std::string signature_256;  // X-Hub-Signature-256 header value; "" when absent
  std::string event;          // X-GitHub-Event ("push", "ping"); "" when absent
  std::string source_ip;
};

struct WebhookDecision {
  enum class Outcome { Start, Ignored, Unauthorized, BadRequest };
  Outcome outcome = Outcome::Ignored;
  int http_status = 200;
  std::string reason;  // why it started nothing / was rejected; logged
  std::string branch;  // from `ref` (refs/heads/<branch>)
  std::string commit;  // `after`
};

WebhookDecision evaluate_webhook(const WebhookConfig& config, const WebhookDelivery& delivery);

// "sha256=<hex>" of HMAC-SHA256(secret, body), GitHub's X-Hub-Signature-256.
std::string github_signature(std::string_view secret, std::string_view body);
// Constant-time check of a header value against the expected signature.
bool verify_github_signature(std::string_view secret, std::string_view body, std::string_view header);

// Jayway JsonPath subset: $.a.b, $.a[0].b, $['a b'], $["a"]. nullopt: nothing selected.
// An error: the path itself is malformed.
Expected<std::optional<nlohmann::json>, std::string> json_path(const nlohmann::json& doc,
                                                               std::string_view path);

// Replaces `{Key}` by the configuration value; an error names a key the action does not have.
Expected<std::string, std::string> expand_placeholders(
    std::string_view text, const std::map<std::string, std::string>& configuration);

}  // namespace pipemu::source
