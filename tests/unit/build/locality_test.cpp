// Which engines the docker executor can use: one on this machine (unix socket, loopback or an
// address of this machine over TCP). An engine elsewhere is refused before connecting, saying why.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "build/docker/locality.hpp"
#include "build/project_build.hpp"

using namespace pipemu::build;

namespace {

docker::Endpoint tcp(const std::string& host) {
  docker::Endpoint e;
  e.kind = docker::Endpoint::Kind::Tcp;
  e.host = host;
  e.port = 2375;
  return e;
}

// Sets DOCKER_HOST for one scope, then puts the previous value back.
struct DockerHost {
  std::optional<std::string> saved;
  explicit DockerHost(const char* value) {
    if (const char* v = std::getenv("DOCKER_HOST")) saved = v;
    setenv("DOCKER_HOST", value, 1);
  }
  ~DockerHost() {
    if (saved)
      setenv("DOCKER_HOST", saved->c_str(), 1);
    else
      unsetenv("DOCKER_HOST");
  }
};

}  // namespace

TEST_CASE("engines on this machine: the unix socket, loopback, this machine's names", "[build]") {
  CHECK(docker::on_this_machine(docker::Endpoint{}));
  CHECK(docker::on_this_machine(tcp("127.0.0.1")));
  CHECK(docker::on_this_machine(tcp("localhost")));
  CHECK(docker::on_this_machine(tcp("[::1]")));
}

TEST_CASE("engines elsewhere: another address, a name that does not resolve", "[build]") {
  CHECK_FALSE(docker::on_this_machine(tcp("192.0.2.1")));  // TEST-NET-1, never assigned
  CHECK_FALSE(docker::on_this_machine(tcp("engine.invalid")));
}

TEST_CASE("executor docker refuses a remote engine before connecting; auto falls back to local", "[build]") {
  DockerHost env("tcp://192.0.2.1:2375");
  auto docker_choice = choose_executor("docker");
  REQUIRE_FALSE(docker_choice);
  CHECK(docker_choice.error() ==
        "the Docker engine at tcp://192.0.2.1:2375 is not on this machine: pipemu's docker executor shares the "
        "source, control and cache directories with the build container through bind mounts, which a remote "
        "engine cannot see (remote engines are not supported yet); point DOCKER_HOST at an engine on this "
        "machine (tcp://127.0.0.1:PORT works) or use --executor local");
  auto auto_choice = choose_executor("auto");
  REQUIRE(auto_choice);
  CHECK(auto_choice->executor->name() == "local");
  CHECK(auto_choice->note ==
        "the Docker engine at tcp://192.0.2.1:2375 is not on this machine (the docker executor needs bind "
        "mounts): using the local executor (commands run on this machine, less isolated)");
}
