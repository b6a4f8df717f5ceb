#include "cli/webhook_targets.hpp"

#include <openssl/evp.h>

#include <filesystem>

#include <fmt/format.h>

#include "engine/pipeline_stack.hpp"
#include "engine/scheduler.hpp"
#include "model/loader.hpp"
#include "model/pipeline.hpp"
#include "model/webhook.hpp"
#include "source/webhook_model.hpp"

namespace pipemu::cli {

namespace {

constexpr const char* kWebhookType = "AWS::CodePipeline::Webhook";

// AWS's token is opaque; a digest of the template's absolute path and the logical id keeps the
// URL the same across restarts, so a GitHub hook configured once keeps working.
std::string token_for(const std::string& template_path, const std::string& logical_id) {
  std::error_code ec;
  std::string key = std::filesystem::absolute(template_path, ec).lexically_normal().string() + "\n" + logical_id;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(key.data(), key.size(), md, &len, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < 16 && i < len; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
}

}  // namespace

Expected<std::vector<WebhookTarget>, std::string> list_webhooks(const std::string& template_path) {
  auto loaded = model::load_file(template_path);
  if (!loaded) return unexpected(loaded.error().message);
  std::vector<WebhookTarget> out;
  const model::Node* resources = loaded->find("Resources");
  if (!resources || !resources->is_map()) return out;
  for (const auto& e : resources->entries()) {
    const model::Node* type = e.value.find("Type");
    if (type && type->as_string() == kWebhookType) out.push_back({e.key, token_for(template_path, e.key)});
  }
  return out;
}

std::string webhook_path(const std::string& region, const std::string& token) {
  return fmt::format("/webhooks/{}/trigger?t={}&v=1", region, token);
}

Expected<ResolvedWebhook, std::string> resolve_webhook(engine::LocalAws& aws, const StackSettings& stack,
                                                       const std::string& logical_id) {
  auto deployed = engine::deploy_template_stack(
      aws, {stack.template_path, stack.region, stack.stack_name, stack.parameters});
  if (!deployed) return unexpected(deployed.error());
  const cfn::Resource* hook = nullptr;
  const cfn::Resource* pipeline = nullptr;
  for (const auto& r : deployed->resources) {
    if (r.logical_id == logical_id && r.type == kWebhookType) hook = &r;
    if (r.type == "AWS::CodePipeline::Pipeline" && !pipeline) pipeline = &r;
  }
  if (!hook)
    return unexpected(fmt::format("{}: the stack has no {} resource {}", stack.template_path, kWebhookType,
                                  logical_id));
  if (!pipeline)
    return unexpected(fmt::format("{}: the template declares no AWS::CodePipeline::Pipeline resource",
                                  stack.template_path));
  auto webhook = model::webhook_from_cfn(model::Node::from_json(hook->properties), logical_id);
  auto parsed = model::pipeline_from_cfn(model::Node::from_json(pipeline->properties));
  ResolvedWebhook out;
  out.pipeline_name = parsed.value.name.empty() ? pipeline->physical_id : parsed.value.name;
  out.target_action = webhook.value.target_action;
  std::map<std::string, std::string> configuration;
  const model::Stage* stage = nullptr;
  const model::Action* target = parsed.value.action(webhook.value.target_action, &stage);
  if (!target)
    return unexpected(fmt::format("{}: webhook {}: TargetAction '{}' is not an action of pipeline {}",
                                  stack.template_path, logical_id, webhook.value.target_action,
                                  out.pipeline_name));
  configuration = engine::configuration_strings(*target);
  const model::Node& secret = webhook.value.secret_token;
  if (!secret.is_null() && !secret.is_scalar())
    return unexpected(fmt::format("{}: webhook {}: SecretToken did not resolve to a string", stack.template_path,
                                  logical_id));
  out.config = source::webhook_config(webhook.value, secret.is_null() ? "" : secret.str(), configuration);
  return out;
}

}  // namespace pipemu::cli
