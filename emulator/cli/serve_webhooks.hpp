#pragma once
// `pipemu serve --pipeline TEMPLATE --repo PATH`: the template's webhooks on their own listener.
// A matching, authenticated delivery starts an execution the way `pipemu run` does (run_session),
// in the background, one at a time per pipeline; the reply names its execution id.
#include <iosfwd>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/execution_queue.hpp"
#include "cli/run_session.hpp"
#include "cli/webhook_http.hpp"
#include "cli/webhook_receiver.hpp"

namespace pipemu::cli {

struct ServeWebhookSettings {
  RunSettings run;  // template_path, repo, region, state_dir, params, bootstraps, executor, images...
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
};

class ServeWebhooks {
 public:
  ServeWebhooks(ServeWebhookSettings settings, std::ostream& log);
  ~ServeWebhooks();
  // Lists the webhooks, deploys the --bootstrap stacks, binds. The error is a complete message.
  Expected<int, std::string> start();
  // "<logical id>  http://host:port/webhooks/<region>/trigger?t=...&v=1" per webhook.
  std::vector<std::string> urls() const;
  void stop();  // stops listening; queued and running executions finish first

 private:
  void run_execution(const WebhookStart& start);
  ServeWebhookSettings settings_;
  std::ostream& log_;
  std::string region_;
  int port_ = -1;
  std::vector<WebhookTarget> targets_;
  std::unique_ptr<engine::LocalAws> aws_;
  engine::RandomIds ids_;
  std::unique_ptr<WebhookReceiver> receiver_;
  std::unique_ptr<WebhookHttp> http_;
  std::thread listener_;
  std::unique_ptr<ExecutionQueues> queues_;
};

}  // namespace pipemu::cli
