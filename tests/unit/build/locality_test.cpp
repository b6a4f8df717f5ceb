// Where an engine is (unix socket, loopback or an address of this machine over TCP, else
// elsewhere) and what the docker executor makes of it: bind mounts need an engine on this
// machine, so mount mode refuses one elsewhere before connecting; auto and copy use it.
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

TEST_CASE("engine files: mount refuses a remote engine before connecting; bad values are named", "[build]") {
  DockerHost env("tcp://192.0.2.1:2375");
  auto mount = choose_executor("docker", "mount");
  REQUIRE_FALSE(mount);
  CHECK(mount.error() ==
        "the Docker engine at tcp://192.0.2.1:2375 is not on this machine, so it cannot bind-mount this machine's "
        "source, control and cache directories (--engine-files mount); use --engine-files copy or auto (the files "
        "are copied in and out of the build container), or point DOCKER_HOST at an engine on this machine");
  auto bad = choose_executor("docker", "sideways");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "unknown engine files mode 'sideways' (copy, mount or auto)");
  setenv("PIPEMU_ENGINE_FILES", "bogus", 1);
  auto bad_env = choose_executor("docker");
  unsetenv("PIPEMU_ENGINE_FILES");
  REQUIRE_FALSE(bad_env);
  CHECK(bad_env.error() == "PIPEMU_ENGINE_FILES='bogus': expected copy, mount or auto");
}

TEST_CASE("a remote engine is no longer refused: docker tries it; auto falls back when it does not answer", "[build]") {
  DockerHost env("tcp://192.0.2.1:2375");  // TEST-NET-1: nothing answers there
  auto docker_choice = choose_executor("docker");
  REQUIRE_FALSE(docker_choice);
  CHECK(docker_choice.error().rfind("Docker engine at tcp://192.0.2.1:2375 did not answer GET /version", 0) == 0);
  auto auto_choice = choose_executor("auto");
  REQUIRE(auto_choice);
  CHECK(auto_choice->executor->name() == "local");
  CHECK(auto_choice->note ==
        "no Docker engine answered at tcp://192.0.2.1:2375: using the local executor (commands run on this "
        "machine, less isolated)");
}
