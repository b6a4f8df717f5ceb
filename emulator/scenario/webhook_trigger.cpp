#include "scenario/webhook_trigger.hpp"

#include <fmt/format.h>

#include "engine/scheduler.hpp"
#include "model/loader.hpp"
#include "model/webhook.hpp"
#include "source/webhook.hpp"

namespace pipemu::scenario {

WebhookOutcome webhook_decision(const std::string& template_path, const model::Pipeline& pipeline,
                                const Trigger& trigger) {
  WebhookOutcome out;
  auto loaded = model::load_file(template_path);
  const model::Node* resources = loaded ? loaded->find("Resources") : nullptr;
  std::optional<model::Webhook> hook;
  if (resources && resources->is_map())
    for (const auto& e : resources->entries()) {
      const model::Node* type = e.value.find("Type");
      const model::Node* props = e.value.find("Properties");
      if (type && props && type->as_string() == "AWS::CodePipeline::Webhook") {
        hook = model::webhook_from_cfn(*props, e.key).value;
        break;
      }
    }
  if (!hook) {
    out.reason = "the template has no AWS::CodePipeline::Webhook: a webhook delivery starts nothing";
    return out;
  }
  source::WebhookConfig config;
  config.authentication = "UNAUTHENTICATED";
  for (const auto& f : hook->filters) config.filters.push_back({f.json_path, f.match_equals});
  if (const model::Action* target = pipeline.action(hook->target_action))
    config.action_configuration = engine::configuration_strings(*target);
  source::WebhookDelivery delivery;
  delivery.body = trigger.webhook;
  auto it = trigger.webhook_headers.find("X-GitHub-Event");
  delivery.event = it == trigger.webhook_headers.end() ? "push" : it->second;
  auto decision = source::evaluate_webhook(config, delivery);
  out.start = decision.outcome == source::WebhookDecision::Outcome::Start;
  out.reason = decision.reason.empty() ? "the webhook's filters did not match" : decision.reason;
  out.branch = decision.branch;
  if (decision.commit.find_first_not_of('0') != std::string::npos) out.commit = decision.commit;
  return out;
}

}  // namespace pipemu::scenario
