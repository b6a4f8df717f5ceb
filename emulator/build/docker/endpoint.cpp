#include "build/docker/endpoint.hpp"

#include <cstdlib>

namespace pipemu::build::docker {

std::string Endpoint::describe() const {
  if (kind == Kind::Unix) return "unix://" + path;
  return "tcp://" + host + ":" + std::to_string(port);
}

Expected<Endpoint, std::string> parse_docker_host(const std::string& value) {
  Endpoint e;
  if (value.empty()) return e;
  if (value.rfind("unix://", 0) == 0) {
    e.path = value.substr(7);
    if (e.path.empty() || e.path[0] != '/')
      return unexpected("DOCKER_HOST '" + value + "': expected unix:///absolute/path.sock");
    return e;
  }
  if (value.rfind("tcp://", 0) == 0) {
    std::string rest = value.substr(6);
    if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
    e.kind = Endpoint::Kind::Tcp;
    auto colon = rest.rfind(':');
    if (colon == std::string::npos) {
      e.host = rest;
    } else {
      e.host = rest.substr(0, colon);
      std::string port = rest.substr(colon + 1);
      char* end = nullptr;
      long p = std::strtol(port.c_str(), &end, 10);
      if (port.empty() || *end != '\0' || p <= 0 || p > 65535)
        return unexpected("DOCKER_HOST '" + value + "': bad port '" + port + "'");
      e.port = static_cast<int>(p);
    }
    if (e.host.empty()) return unexpected("DOCKER_HOST '" + value + "': missing host");
    return e;
  }
  return unexpected("DOCKER_HOST '" + value +
                    "': unsupported scheme (pipemu speaks unix:// and tcp://)");
}

Expected<Endpoint, std::string> endpoint_from_environment() {
  const char* v = std::getenv("DOCKER_HOST");
  return parse_docker_host(v ? v : "");
}

}  // namespace pipemu::build::docker
