#pragma once
// Contract tests run the same cases through two transports: in-process (Router::dispatch, no
// socket) and over HTTP (a real Server on a free port, httplib client). Both must answer alike.
#include <map>
#include <memory>
#include <string>

#include "fakes/core/registry.hpp"
#include "fakes/server/server.hpp"

namespace pipemu::test {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

using Headers = std::map<std::string, std::string>;

class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::string name() const = 0;
  // path may carry a query string. Signs nothing: pass Authorization in headers for a region.
  virtual Reply send(const std::string& method, const std::string& path, const Headers& headers,
                     const std::string& body) = 0;
};

std::unique_ptr<Transport> in_process(fakes::Registry& registry);
std::unique_ptr<Transport> over_http(fakes::Registry& registry);

// Authorization header with a SigV4 credential scope for region/service.
Headers signed_for(const std::string& region, const std::string& service);

}  // namespace pipemu::test
