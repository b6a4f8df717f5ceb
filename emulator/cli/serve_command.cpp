// `pipemu serve`: the fakes (S3, SSM, CloudFormation) on one HTTP endpoint for the real aws CLI
// and boto3 (AWS_ENDPOINT_URL=http://127.0.0.1:<port>). Runs until SIGINT/SIGTERM.
// With --pipeline and --repo it also serves the template's webhooks (serve_webhooks.hpp).
// --fakes-host (for builds on a Docker engine on another machine) makes the fakes listen on every
// interface, as `pipemu run` does, unless --host names one address.
#include <signal.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "build/project_build.hpp"
#include "cli/commands.hpp"
#include "cli/engine_options.hpp"
#include "cli/serve_webhooks.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/server/server.hpp"

namespace pipemu::cli {

std::function<int()> setup_serve(CLI::App& app) {
  struct Flags {
    server::Options options;
    std::string state = ".pipemu/state";
    bool memory = false;
    std::string port_file;
    bool fsync = false;
    ServeWebhookSettings hooks;
  };
  auto f = std::make_shared<Flags>();
  app.add_option("--port", f->options.port, "TCP port (0: any free port, printed)")
      ->capture_default_str();
  auto* host = app.add_option("--host", f->options.host,
                              "Address to listen on (when not given, --fakes-host makes it every interface)")
                   ->capture_default_str();
  app.add_option("--state", f->state, "State directory (one SQLite database per region)")
      ->capture_default_str();
  app.add_flag("--memory", f->memory, "Keep state in memory (lost on exit)");
  app.add_option("--port-file", f->port_file, "Write the bound port to this file once listening");
  app.add_option("--threads", f->options.threads, "Worker threads (one per open connection)")
      ->capture_default_str();
  app.add_option("--default-region", f->options.default_region,
                 "Region for requests without a SigV4 signature")
      ->capture_default_str();
  app.add_flag("--fsync", f->fsync,
               "fsync object bodies before they are visible (survive power loss; slower)");
  auto& run = f->hooks.run;
  auto* pipeline = app.add_option("--pipeline", run.template_path,
                                  "Pipeline template: serve its AWS::CodePipeline::Webhook resources; a "
                                  "matching push starts an execution as `pipemu run` does");
  app.add_option("--repo", run.repo, "Repository the webhook-started executions fetch (with --pipeline)")
      ->needs(pipeline);
  app.add_option("--webhook-port", f->hooks.port, "TCP port of the webhook listener (0: any free port, printed)")
      ->capture_default_str();
  app.add_option("--region", run.region, "Pipeline region (default: AWS_REGION, else us-east-1)")->needs(pipeline);
  app.add_option("--param", run.params, "Pipeline template parameter, Name=Value (repeatable)")->needs(pipeline);
  app.add_option("--stack-name", run.stack_name, "Name of the pipeline stack (default pipemu-<template stem>)")
      ->needs(pipeline);
  app.add_option("--bootstrap", run.bootstraps, "Deploy a template as a stack first, REGION=FILE (repeatable)")
      ->needs(pipeline);
  app.add_option("--executor", run.executor, "Where builds run")
      ->check(CLI::IsMember({"auto", "docker", "local"}))
      ->needs(pipeline);
  add_engine_options(app, run.engine_files, run.fakes_host).engine_files->needs(pipeline);
  app.add_option("--image", run.images, "Map a build image, FROM=TO (repeatable)")->needs(pipeline);
  app.add_option("--report", run.report_dir, "Write each execution's reports under DIR/<execution id>")
      ->needs(pipeline);
  return [f, host]() -> int {
    if (!f->hooks.run.template_path.empty()) {
      if (f->hooks.run.repo.empty())
        return std::cerr << "pipemu serve: --pipeline needs --repo (the repository a push starts)\n", kUsage;
      if (f->memory)
        return std::cerr << "pipemu serve: --pipeline needs a state directory; drop --memory\n", kUsage;
      f->hooks.run.state_dir = f->state;
      f->hooks.host = f->options.host;  // webhooks stay where --host says
    }
    // As `pipemu run`: a fakes host means builds call in from another machine.
    bool every_interface = !f->hooks.run.fakes_host.empty() && host->count() == 0;
    if (every_interface) f->options.host = build::fakes_listen_address(f->hooks.run.fakes_host);
    fakes::Registry::Options ro;
    if (!f->memory) ro.state_dir = std::filesystem::path(f->state);
    ro.durable_blobs = f->fsync;
    fakes::Registry registry(ro);
    // Signals are taken by one thread with sigwait, so the server stops cleanly.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    server::Server srv(registry, f->options);
    int port = srv.bind();
    if (port < 0) {
      std::cerr << "pipemu: error: " << srv.error() << "\n";
      return kFailed;
    }
    std::cout << fmt::format("pipemu serve: listening on http://{}:{} (state: {})", f->options.host,
                             port, f->memory ? ":memory:" : registry.state_dir().string())
              << std::endl;
    if (every_interface) std::cout << "pipemu serve: " << build::fakes_exposure_note(f->hooks.run.fakes_host) << std::endl;
    std::unique_ptr<ServeWebhooks> hooks;
    if (!f->hooks.run.template_path.empty()) {
      hooks = std::make_unique<ServeWebhooks>(f->hooks, std::cout);
      auto started = hooks->start();
      if (!started) {
        std::cerr << "pipemu serve: " << started.error() << "\n";
        return kFailed;
      }
      for (const auto& url : hooks->urls()) std::cout << "pipemu serve: webhook " << url << std::endl;
    }
    if (!f->port_file.empty()) {
      std::string tmp = f->port_file + ".tmp";
      std::ofstream(tmp) << port << "\n";
      std::filesystem::rename(tmp, f->port_file);
    }
    std::thread waiter([&srv, set] {
      int sig = 0;
      sigwait(&set, &sig);
      srv.stop();
    });
    bool ok = srv.run();
    if (hooks) {
      std::cout << "pipemu serve: stopping; executions already started finish first" << std::endl;
      hooks->stop();
    }
    // Wake the waiter if the server stopped on its own.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return ok ? kOk : kFailed;
  };
}

}  // namespace pipemu::cli
