#pragma once
// The fakes served on a free loopback port for the length of one run, so a build's aws CLI
// (AWS_ENDPOINT_URL) reaches the same state the engine uses in-process. With `fakes_host` (an
// engine on another machine), they listen on every interface and the URL names that host.
#include <memory>
#include <string>
#include <thread>

#include "fakes/core/registry.hpp"

namespace pipemu::server {
class Server;
}
namespace pipemu::cfn {
class Service;
}

namespace pipemu::engine {

class LoopbackFakes {
 public:
  // `cloudformation`: the service the engine uses in-process (nullptr: the server's own).
  LoopbackFakes(fakes::Registry& registry, int threads,
                std::shared_ptr<cfn::Service> cloudformation = nullptr, std::string fakes_host = {});
  ~LoopbackFakes();
  LoopbackFakes(const LoopbackFakes&) = delete;
  LoopbackFakes& operator=(const LoopbackFakes&) = delete;

  // "http://127.0.0.1:<port>" (or the fakes host), "" when binding failed (see error()).
  std::string url() const;
  std::string error() const;

 private:
  std::unique_ptr<server::Server> server_;
  int port_ = -1;
  std::string host_;
  std::thread thread_;
};

}  // namespace pipemu::engine
