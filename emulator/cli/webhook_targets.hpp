#pragma once
// The webhooks a pipeline template declares (AWS::CodePipeline::Webhook), as `pipemu serve`
// registers them and `pipemu webhook` evaluates them.
//
// Listing is static (the template as written), so the URLs can be printed before anything is
// deployed. Resolving deploys the pipeline template as a stack (exactly as `pipemu run` does) and
// reads the Webhook's evaluated properties — the SecretToken usually comes from !ImportValue —
// and the target source action's resolved configuration for `{Branch}`-style placeholders. It is
// done per delivery so an edited template or a re-seeded export takes effect without a restart.
#include <map>
#include <string>
#include <vector>

#include "engine/actions/local_aws.hpp"
#include "model/expected.hpp"
#include "source/webhook.hpp"

namespace pipemu::cli {

struct WebhookTarget {
  std::string logical_id;  // the resource's key under Resources
  std::string token;       // the URL's t= value: stable for one template path and logical id
};

// The template's webhooks in declaration order; an error names a template that cannot be read.
Expected<std::vector<WebhookTarget>, std::string> list_webhooks(const std::string& template_path);

// AWS's URL shape (https://<region>.webhooks.aws/trigger?t=<token>&v=1) on pipemu's listener.
std::string webhook_path(const std::string& region, const std::string& token);

struct ResolvedWebhook {
  source::WebhookConfig config;
  std::string pipeline_name;
  std::string target_action;
};

struct StackSettings {
  std::string template_path, region, stack_name;
  std::map<std::string, std::string> parameters;
};

Expected<ResolvedWebhook, std::string> resolve_webhook(engine::LocalAws& aws, const StackSettings& stack,
                                                       const std::string& logical_id);

}  // namespace pipemu::cli
