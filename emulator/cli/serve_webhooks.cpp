#include "cli/serve_webhooks.hpp"

#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "engine/pipeline_stack.hpp"

namespace pipemu::cli {

namespace fs = std::filesystem;

namespace {

Expected<std::map<std::string, std::string>, std::string> pairs(const std::vector<std::string>& items,
                                                                const char* flag) {
  std::map<std::string, std::string> out;
  for (const auto& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) return unexpected(fmt::format("{} {}: expected Name=Value", flag, item));
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

// As `pipemu run`: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1.
std::string pipeline_region(const std::string& flag) {
  if (!flag.empty()) return flag;
  for (const char* v : {"AWS_REGION", "AWS_DEFAULT_REGION"})
    if (const char* r = std::getenv(v); r && *r) return r;
  return "us-east-1";
}

}  // namespace

ServeWebhooks::ServeWebhooks(ServeWebhookSettings settings, std::ostream& log)
    : settings_(std::move(settings)), log_(log) {}

ServeWebhooks::~ServeWebhooks() { stop(); }

Expected<int, std::string> ServeWebhooks::start() {
  RunSettings& run = settings_.run;
  if (!fs::exists(run.template_path)) return unexpected(fmt::format("{}: no such file", run.template_path));
  auto listed = list_webhooks(run.template_path);
  if (!listed) return unexpected(listed.error());
  if (listed->empty())
    return unexpected(fmt::format("{}: the template declares no AWS::CodePipeline::Webhook: nothing to serve",
                                  run.template_path));
  targets_ = std::move(*listed);
  auto params = pairs(run.params, "--param");
  if (!params) return unexpected(params.error());
  auto bootstraps = pairs(run.bootstraps, "--bootstrap");
  if (!bootstraps) return unexpected(bootstraps.error());
  region_ = pipeline_region(run.region);
  run.region = region_;
  if (run.state_dir.empty()) run.state_dir = ".pipemu/state";
  try {
    aws_ = std::make_unique<engine::LocalAws>(fs::path(run.state_dir));
  } catch (const std::exception& e) {
    return unexpected(fmt::format("cannot open the state in {}: {}", run.state_dir, e.what()));
  }
  // Bootstrap stacks once, here: every delivery resolves against them.
  for (const auto& [region, file] : *bootstraps) {
    auto r = engine::deploy_template_stack(*aws_, {file, region, engine::default_stack_name(file) + "-bootstrap", {}});
    if (!r) return unexpected(r.error());
    log_ << "bootstrap " << r->note << std::endl;
  }
  run.bootstraps.clear();

  StackSettings stack{run.template_path, region_, run.stack_name, *params};
  auto resolve = [this, stack](const std::string& id) { return resolve_webhook(*aws_, stack, id); };
  queues_ = std::make_unique<ExecutionQueues>();
  auto start_one = [this](const WebhookStart& s) {
    queues_->submit(s.pipeline_name, [this, s] { run_execution(s); });
  };
  receiver_ = std::make_unique<WebhookReceiver>(region_, targets_, resolve, start_one, ids_, log_);
  http_ = std::make_unique<WebhookHttp>(*receiver_);
  port_ = http_->bind(settings_.host, settings_.port);
  if (port_ < 0) return unexpected(http_->error());
  listener_ = std::thread([this] { http_->run(); });
  return port_;
}

std::vector<std::string> ServeWebhooks::urls() const {
  std::vector<std::string> out;
  for (const auto& t : targets_)
    out.push_back(fmt::format("{}  http://{}:{}{}", t.logical_id, settings_.host, port_,
                              webhook_path(region_, t.token)));
  return out;
}

void ServeWebhooks::stop() {
  if (http_) http_->stop();
  if (listener_.joinable()) listener_.join();
  queues_.reset();  // finishes what was queued
}

void ServeWebhooks::run_execution(const WebhookStart& start) {
  RunSettings s = settings_.run;
  s.branch = start.branch;
  s.commit = start.commit;
  s.execution_id = start.execution_id;
  s.trigger_type = "Webhook";
  s.trigger_detail = fmt::format("webhook {}{}", start.webhook,
                                 start.delivery.empty() ? "" : " delivery " + start.delivery);
  if (!s.report_dir.empty()) s.report_dir = (fs::path(s.report_dir) / start.execution_id).string();
  log_ << fmt::format("execution {} of {} starting ({} {})", start.execution_id, start.pipeline_name,
                      start.branch, start.commit.empty() ? "head" : start.commit.substr(0, 12))
       << std::endl;
  int rc = run_session(s);
  log_ << fmt::format("execution {} of {} finished: {}", start.execution_id, start.pipeline_name,
                      rc == 0 ? "Succeeded" : "Failed")
       << std::endl;
}

}  // namespace pipemu::cli
