#include "source/webhook_model.hpp"

namespace pipemu::source {

WebhookConfig webhook_config(const model::Webhook& webhook, const std::string& secret,
                             const std::map<std::string, std::string>& action_configuration) {
  WebhookConfig c;
  c.authentication = webhook.authentication.empty() ? "GITHUB_HMAC" : webhook.authentication;
  c.secret = secret;
  c.allowed_ip_range = webhook.allowed_ip_range;
  for (const auto& f : webhook.filters) c.filters.push_back({f.json_path, f.match_equals});
  c.action_configuration = action_configuration;
  return c;
}

}  // namespace pipemu::source
