#pragma once
// One HTTP endpoint for every fake (`pipemu serve`). Routes each request once:
//   GET /_pipemu/health, POST /_pipemu/reset        pipemu's own endpoints
//   X-Amz-Target: <Prefix>.<Op>                      JSON 1.1 services (SSM)
//   form body / query with Action=                   query services (CloudFormation, plugged in)
//   anything else                                    S3 REST (path-style or virtual-host)
// The region (and signing service) come from the SigV4 credential scope, parsed not verified;
// unsigned requests get the default region. Bodies of S3 uploads stream to disk; every other
// body is read whole (bounded). Wires never see httplib.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "fakes/core/registry.hpp"
#include "fakes/core/wire.hpp"
#include "fakes/s3/service.hpp"
#include "fakes/ssm/service.hpp"

namespace pipemu::cfn {
class Service;
}

namespace pipemu::server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 4566;  // 0: any free port (see port())
  int threads = 64;  // one keep-alive connection occupies one thread
  std::string default_region = fakes::kDefaultRegion;
  std::string account = fakes::kDefaultAccount;
};

// The routing core, independent of sockets: tests call dispatch() in-process.
class Router {
 public:
  Router(fakes::Registry& registry, Options options);
  ~Router();
  // Wires tried in order before S3's fallback.
  void add_wire(std::unique_ptr<fakes::WireService> wire);
  // Serves CloudFormation from `service` instead of the router's own instance, so HTTP callers
  // share its resource providers (and their faults) with in-process ones.
  void serve_cloudformation(std::shared_ptr<cfn::Service> service);
  // Fills account/region/signing_service, then routes. Never throws.
  fakes::HttpResponse dispatch(fakes::HttpRequest& request);
  // True when the body should be read whole before dispatch (not an S3 request).
  bool wants_whole_body(const fakes::HttpRequest& request) const;
  fakes::Registry& registry() { return registry_; }
  s3::Service& s3() { return *s3_; }
  ssm::Service& ssm() { return *ssm_; }

 private:
  fakes::HttpResponse route(fakes::HttpRequest& request);
  fakes::Registry& registry_;
  Options options_;
  std::unique_ptr<s3::Service> s3_;
  std::unique_ptr<ssm::Service> ssm_;
  std::vector<std::unique_ptr<fakes::WireService>> wires_;
  std::unique_ptr<fakes::WireService> s3_wire_;
};

class Server {
 public:
  Server(fakes::Registry& registry, Options options);
  ~Server();
  Router& router() { return *router_; }
  // Binds; returns the bound port, or -1 (with a reason in error()).
  int bind();
  // Serves until stop(). Call after bind().
  bool run();
  void stop();
  const std::string& error() const { return error_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<Router> router_;
  Options options_;
  std::string error_;
};

}  // namespace pipemu::server
