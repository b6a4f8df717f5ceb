#pragma once
// What `pipemu serve` answers to a GitHub delivery at a webhook URL, independent of the HTTP
// library (webhook_http.cpp carries it; tests call handle() directly):
//   404  no webhook has this token (or the URL's region is not the pipeline's)
//   405  not a POST
//   401  GITHUB_HMAC: missing, malformed or wrong X-Hub-Signature-256 (compared in constant time)
//   400  the body is not a JSON object, or a filter's JsonPath is malformed
//   500  the webhook cannot be resolved (the pipeline stack fails to deploy: missing export...)
//   200  "started nothing: <why>" when a filter does not match (AWS ignores such pushes), or
//        "started execution <id>" once the execution is queued for its pipeline.
// Every delivery is logged with its outcome and reason.
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "cli/webhook_targets.hpp"
#include "engine/ports.hpp"

namespace pipemu::cli {

struct WebhookRequest {
  std::string method = "POST";
  std::string path;   // "/webhooks/eu-west-1/trigger"
  std::string token;  // t=
  std::string content_type;
  std::string body;           // raw bytes, as signed
  std::string signature_256;  // X-Hub-Signature-256
  std::string event;          // X-GitHub-Event
  std::string delivery;       // X-GitHub-Delivery
  std::string source_ip;
};

struct WebhookReply {
  int status = 200;
  std::string body;
};

// A matching delivery: what to start. The execution id is chosen before the run starts, so the
// reply can name it.
struct WebhookStart {
  std::string webhook;  // logical id
  std::string pipeline_name;
  std::string branch, commit;
  std::string execution_id;
  std::string delivery;
};

class WebhookReceiver {
 public:
  using Resolver = std::function<Expected<ResolvedWebhook, std::string>(const std::string& logical_id)>;
  using Starter = std::function<void(const WebhookStart&)>;

  WebhookReceiver(std::string region, std::vector<WebhookTarget> targets, Resolver resolve, Starter start,
                  engine::IdSource& ids, std::ostream& log);
  WebhookReply handle(const WebhookRequest& request);

 private:
  WebhookReply answer(const WebhookRequest& rq, const std::string& webhook, int status, std::string body);
  std::string region_;
  std::vector<WebhookTarget> targets_;
  Resolver resolve_;
  Starter start_;
  engine::IdSource& ids_;
  std::ostream& log_;
  std::mutex mutex_;  // one delivery resolved at a time; guards ids_ and log_
};

}  // namespace pipemu::cli
