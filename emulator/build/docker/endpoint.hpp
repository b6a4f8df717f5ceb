#pragma once
// Where the Docker Engine API listens, from DOCKER_HOST as the docker CLI reads it:
// unix:///path/to.sock (the default, /var/run/docker.sock) or tcp://host:port. Pure parsing.
#include <string>

#include "model/expected.hpp"

namespace pipemu::build::docker {

struct Endpoint {
  enum class Kind { Unix, Tcp };
  Kind kind = Kind::Unix;
  std::string path = "/var/run/docker.sock";  // Unix
  std::string host;                           // Tcp
  int port = 2375;                            // Tcp

  std::string describe() const;  // "unix:///var/run/docker.sock", "tcp://h:2375"
};

// `value` is DOCKER_HOST's text; empty means the default socket.
Expected<Endpoint, std::string> parse_docker_host(const std::string& value);
// Reads DOCKER_HOST from the environment.
Expected<Endpoint, std::string> endpoint_from_environment();

}  // namespace pipemu::build::docker
