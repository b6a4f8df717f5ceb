#pragma once
// Bridges the template's AWS::CodePipeline::Webhook (model::Webhook) to evaluate_webhook:
// the filters as written, the secret once resolved, and the target source action's
// configuration for the `{Branch}` placeholders.
#include <map>
#include <string>

#include "model/expected.hpp"
#include "model/webhook.hpp"
#include "source/webhook.hpp"

namespace pipemu::source {

// `secret` is the resolved SecretToken (the model may hold an intrinsic such as !ImportValue);
// `action_configuration` the target action's resolved configuration.
WebhookConfig webhook_config(const model::Webhook& webhook, const std::string& secret,
                             const std::map<std::string, std::string>& action_configuration);

}  // namespace pipemu::source
