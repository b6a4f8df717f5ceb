// `pipemu serve`: the fakes (S3, SSM, CloudFormation) on one HTTP endpoint for the real aws CLI
// and boto3 (AWS_ENDPOINT_URL=http://127.0.0.1:<port>). Runs until SIGINT/SIGTERM.
#include <signal.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "fakes/core/registry.hpp"
#include "fakes/server/server.hpp"

namespace pipemu::cli {

std::function<int()> setup_serve(CLI::App& app) {
  struct Flags {
    server::Options options;
    std::string state = ".pipemu/state";
    bool memory = false;
    std::string port_file;
    bool no_fsync = false;
  };
  auto f = std::make_shared<Flags>();
  app.add_option("--port", f->options.port, "TCP port (0: any free port, printed)")
      ->capture_default_str();
  app.add_option("--host", f->options.host, "Address to listen on")->capture_default_str();
  app.add_option("--state", f->state, "State directory (one SQLite database per region)")
      ->capture_default_str();
  app.add_flag("--memory", f->memory, "Keep state in memory (lost on exit)");
  app.add_option("--port-file", f->port_file, "Write the bound port to this file once listening");
  app.add_option("--threads", f->options.threads, "Worker threads (one per open connection)")
      ->capture_default_str();
  app.add_option("--default-region", f->options.default_region,
                 "Region for requests without a SigV4 signature")
      ->capture_default_str();
  app.add_flag("--no-fsync", f->no_fsync, "Do not fsync object bodies (faster, less durable)");
  return [f]() -> int {
    fakes::Registry::Options ro;
    if (!f->memory) ro.state_dir = std::filesystem::path(f->state);
    ro.durable_blobs = !f->no_fsync;
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
    // Wake the waiter if the server stopped on its own.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return ok ? kOk : kFailed;
  };
}

}  // namespace pipemu::cli
