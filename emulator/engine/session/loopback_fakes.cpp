#include "engine/session/loopback_fakes.hpp"

#include <fmt/format.h>

#include "build/project_build.hpp"
#include "fakes/server/server.hpp"

namespace pipemu::engine {

LoopbackFakes::LoopbackFakes(fakes::Registry& registry, int threads,
                             std::shared_ptr<cfn::Service> cloudformation, std::string fakes_host)
    : host_(std::move(fakes_host)) {
  server::Options opts;
  opts.host = build::fakes_listen_address(host_);
  opts.port = 0;  // any free port: parallel scenarios each get their own
  opts.threads = threads;
  server_ = std::make_unique<server::Server>(registry, opts);
  if (cloudformation) server_->router().serve_cloudformation(std::move(cloudformation));
  port_ = server_->bind();
  if (port_ > 0) thread_ = std::thread([this] { server_->run(); });
}

LoopbackFakes::~LoopbackFakes() {
  if (port_ > 0) {
    server_->stop();
    thread_.join();
  }
}

std::string LoopbackFakes::url() const {
  return port_ > 0 ? build::fakes_url(host_, port_) : "";
}

std::string LoopbackFakes::error() const { return server_->error(); }

}  // namespace pipemu::engine
