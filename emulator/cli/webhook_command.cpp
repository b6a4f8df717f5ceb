// `pipemu webhook TEMPLATE --repo PATH --payload FILE [--signature HEADER]`: one GitHub delivery
// from a file, judged exactly as `pipemu serve` judges one over HTTP (same receiver: signature,
// filters), then the execution it starts runs in the foreground as `pipemu run` would.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/interrupt.hpp"
#include "cli/run_session.hpp"
#include "cli/webhook_receiver.hpp"
#include "engine/pipeline_stack.hpp"

namespace pipemu::cli {

namespace {

constexpr int kNothingStarted = 3;

struct WebhookFlags {
  RunSettings run;
  std::string payload, signature, event = "push", webhook;
};

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

int deliver(WebhookFlags& f) {
  RunSettings& run = f.run;
  auto fail = [](const std::string& why, int rc) { return std::cerr << "pipemu webhook: " << why << "\n", rc; };
  std::ifstream in(f.payload, std::ios::binary);
  if (!in) return fail(fmt::format("{}: cannot read the payload file", f.payload), kUsage);
  std::stringstream body;
  body << in.rdbuf();
  if (!std::filesystem::exists(run.template_path))
    return fail(fmt::format("{}: no such file", run.template_path), kUsage);
  auto listed = list_webhooks(run.template_path);
  if (!listed) return fail(listed.error(), kFailed);
  const WebhookTarget* target = nullptr;
  for (const auto& t : *listed)
    if (f.webhook.empty() || t.logical_id == f.webhook) {
      target = &t;
      break;
    }
  if (!target)
    return fail(f.webhook.empty()
                    ? fmt::format("{}: the template declares no AWS::CodePipeline::Webhook", run.template_path)
                    : fmt::format("{}: no AWS::CodePipeline::Webhook named {}", run.template_path, f.webhook),
                kFailed);
  auto params = pairs(run.params, "--param");
  if (!params) return fail(params.error(), kUsage);
  auto bootstraps = pairs(run.bootstraps, "--bootstrap");
  if (!bootstraps) return fail(bootstraps.error(), kUsage);
  if (run.region.empty())
    for (const char* v : {"AWS_REGION", "AWS_DEFAULT_REGION"})
      if (const char* r = std::getenv(v); r && *r && run.region.empty()) run.region = r;
  if (run.region.empty()) run.region = "us-east-1";
  if (run.state_dir.empty()) run.state_dir = ".pipemu/state";
  std::error_code ec;
  std::filesystem::create_directories(run.state_dir, ec);

  std::optional<WebhookStart> started;
  {
    // Resolve against the deployed stack (the secret is usually an !ImportValue), then release
    // the state before the run opens it again.
    std::unique_ptr<engine::LocalAws> aws;
    try {
      aws = std::make_unique<engine::LocalAws>(std::filesystem::path(run.state_dir));
    } catch (const std::exception& e) {
      return fail(fmt::format("cannot open the state in {}: {}", run.state_dir, e.what()), kFailed);
    }
    for (const auto& [region, file] : *bootstraps) {
      auto r = engine::deploy_template_stack(*aws, {file, region, engine::default_stack_name(file) + "-bootstrap", {}});
      if (!r) return fail(r.error(), kFailed);
    }
    StackSettings stack{run.template_path, run.region, run.stack_name, *params};
    engine::RandomIds ids;
    WebhookReceiver receiver(
        run.region, *listed, [&](const std::string& id) { return resolve_webhook(*aws, stack, id); },
        [&](const WebhookStart& s) { started = s; }, ids, std::cout);
    WebhookRequest rq;
    rq.path = fmt::format("/webhooks/{}/trigger", run.region);
    rq.token = target->token;
    rq.content_type = "application/json";
    rq.body = body.str();
    rq.signature_256 = f.signature;
    rq.event = f.event;
    rq.delivery = f.payload;
    WebhookReply reply = receiver.handle(rq);
    if (reply.status != 200) return kFailed;
    if (!started) return kNothingStarted;
  }
  run.bootstraps.clear();
  run.branch = started->branch;
  run.commit = started->commit;
  run.execution_id = started->execution_id;
  run.trigger_type = "Webhook";
  run.trigger_detail = fmt::format("pipemu webhook {} --payload {}", started->webhook, f.payload);
  return run_session(run);
}

}  // namespace

std::function<int()> setup_webhook(CLI::App& app) {
  auto f = std::make_shared<WebhookFlags>();
  RunSettings& o = f->run;
  app.add_option("template", o.template_path, "Pipeline template with an AWS::CodePipeline::Webhook")->required();
  app.add_option("--repo", o.repo, "Repository the started execution fetches (path or URL)")->required();
  app.add_option("--payload", f->payload, "GitHub push event body (JSON), byte for byte as signed")->required();
  app.add_option("--signature", f->signature,
                 "X-Hub-Signature-256 header value, sha256=<hex> (GITHUB_HMAC webhooks need it)");
  app.add_option("--event", f->event, "X-GitHub-Event header (push, ping)")->capture_default_str();
  app.add_option("--webhook", f->webhook, "Logical id of the webhook (default: the template's first)");
  app.add_option("--region", o.region, "Pipeline region (default: AWS_REGION, else us-east-1)");
  app.add_option("--state", o.state_dir, "State directory shared with `pipemu serve` (default .pipemu/state)");
  app.add_option("--report", o.report_dir, "Write report.json, junit.xml and report.html here");
  app.add_option("--executor", o.executor, "Where builds run")->check(CLI::IsMember({"auto", "docker", "local"}));
  add_engine_options(app, o.engine_files, o.fakes_host);
  app.add_option("--image", o.images, "Map a build image, FROM=TO (repeatable)");
  app.add_option("--param", o.params, "Pipeline template parameter, Name=Value (repeatable)");
  app.add_option("--stack-name", o.stack_name, "Name of the pipeline stack (default pipemu-<template stem>)");
  app.add_option("--bootstrap", o.bootstraps, "Deploy a template as a stack first, REGION=FILE (repeatable)");
  app.add_flag("--quiet", o.quiet, "Only failures and the result line");
  app.add_flag("--json", o.json, "JSON event lines on stdout instead of the terminal view");
  return [f] {
    clean_up_builds_on_interrupt("webhook");
    return deliver(*f);
  };
}

}  // namespace pipemu::cli
