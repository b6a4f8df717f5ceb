#include "cli/webhook_receiver.hpp"

#include <fmt/format.h>

namespace pipemu::cli {

WebhookReceiver::WebhookReceiver(std::string region, std::vector<WebhookTarget> targets, Resolver resolve,
                                 Starter start, engine::IdSource& ids, std::ostream& log)
    : region_(std::move(region)),
      targets_(std::move(targets)),
      resolve_(std::move(resolve)),
      start_(std::move(start)),
      ids_(ids),
      log_(log) {}

WebhookReply WebhookReceiver::answer(const WebhookRequest& rq, const std::string& webhook, int status,
                                     std::string body) {
  log_ << fmt::format("webhook {}: {} {}{}", webhook.empty() ? "?" : webhook, status, body,
                      rq.delivery.empty() ? "" : " (delivery " + rq.delivery + ")")
       << std::endl;
  return {status, body + "\n"};
}

WebhookReply WebhookReceiver::handle(const WebhookRequest& rq) {
  std::lock_guard lock(mutex_);
  const WebhookTarget* target = nullptr;
  for (const auto& t : targets_)
    if (t.token == rq.token) target = &t;
  std::string expected_path = fmt::format("/webhooks/{}/trigger", region_);
  if (!target || rq.path != expected_path)
    return answer(rq, "", 404,
                  fmt::format("no webhook is registered at {}?t={}", rq.path, rq.token.empty() ? "(none)" : rq.token));
  if (rq.method != "POST") return answer(rq, target->logical_id, 405, "a webhook accepts POST only");

  auto resolved = resolve_(target->logical_id);
  if (!resolved) return answer(rq, target->logical_id, 500, "cannot resolve the webhook: " + resolved.error());

  source::WebhookDelivery delivery{rq.body, rq.signature_256, rq.event.empty() ? "push" : rq.event, rq.source_ip};
  auto decision = source::evaluate_webhook(resolved->config, delivery);
  using Outcome = source::WebhookDecision::Outcome;
  if (decision.outcome == Outcome::BadRequest &&
      rq.content_type.rfind("application/x-www-form-urlencoded", 0) == 0)
    decision.reason = "the payload is form-encoded: set the GitHub hook's content type to application/json";
  switch (decision.outcome) {
    case Outcome::Unauthorized:
    case Outcome::BadRequest:
      return answer(rq, target->logical_id, decision.http_status, decision.reason);
    case Outcome::Ignored:
      return answer(rq, target->logical_id, 200, "started nothing: " + decision.reason);
    case Outcome::Start:
      break;
  }
  WebhookStart start;
  start.webhook = target->logical_id;
  start.pipeline_name = resolved->pipeline_name;
  start.branch = decision.branch;
  // A deleted branch's `after` is all zeros: no commit to check out.
  if (decision.commit.find_first_not_of('0') != std::string::npos) start.commit = decision.commit;
  start.execution_id = ids_.uuid();
  start.delivery = rq.delivery;
  start_(start);
  return answer(rq, target->logical_id, 200,
                fmt::format("started execution {} of pipeline {} ({} {})", start.execution_id,
                            start.pipeline_name, start.branch,
                            start.commit.empty() ? "head" : start.commit.substr(0, 12)));
}

}  // namespace pipemu::cli
