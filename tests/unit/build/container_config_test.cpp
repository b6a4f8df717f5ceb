// The container the docker executor asks for: bind mounts in mount mode, none in copy mode (the
// files are uploaded; an engine on another machine could not bind this machine's paths).
#include <catch2/catch.hpp>

#include "build/docker_executor.hpp"

using namespace pipemu::build;

namespace {

SessionSpec spec(bool privileged) {
  SessionSpec s;
  s.image = "pipemu/codebuild-standard:local";
  s.command = {"/bin/sh", "-c", "true"};
  s.env = {{"A", "1"}};
  s.mounts = {{"/work/src", "/codebuild/output/src1/src", false, ""},
              {"/work/ctl", "/codebuild/pipemu", false, ""},
              {"/cache/deps", "/codebuild/output/src1/src/deps", false, ""}};
  s.workdir = "/codebuild/output/src1/src";
  s.privileged = privileged;
  s.label = "p:1";
  return s;
}

docker::Endpoint tcp_engine() {
  docker::Endpoint e;
  e.kind = docker::Endpoint::Kind::Tcp;
  e.host = "engine.example";
  e.port = 2375;
  return e;
}

}  // namespace

TEST_CASE("container config: mount mode binds the source, control and cache directories", "[build]") {
  auto cfg = container_config(spec(false), docker::Endpoint{}, FilesMode::Mount);
  CHECK(cfg["HostConfig"]["Binds"] == nlohmann::json::array({"/work/src:/codebuild/output/src1/src",
                                                             "/work/ctl:/codebuild/pipemu",
                                                             "/cache/deps:/codebuild/output/src1/src/deps"}));
  CHECK_FALSE(cfg["HostConfig"].contains("Mounts"));
}

TEST_CASE("container config: copy mode has no bind mounts", "[build]") {
  auto cfg = container_config(spec(false), docker::Endpoint{}, FilesMode::Copy);
  CHECK(cfg["HostConfig"]["Binds"] == nlohmann::json::array());
  CHECK_FALSE(cfg["HostConfig"].contains("Mounts"));
  CHECK(cfg["WorkingDir"] == "/codebuild/output/src1/src");
  CHECK(cfg["Env"] == nlohmann::json::array({"A=1"}));

  // PrivilegedMode on an engine over TCP: DOCKER_HOST, still no bind; the source sits in a volume
  // on the engine's machine, mounted at its own path there.
  auto privileged = spec(true);
  privileged.mounts[0] = {"/work/src", "/var/lib/docker/volumes/pipemu-src-1/_data", false, "pipemu-src-1"};
  auto remote = container_config(privileged, tcp_engine(), FilesMode::Copy);
  CHECK(remote["HostConfig"]["Binds"] == nlohmann::json::array());
  CHECK(remote["HostConfig"]["Mounts"] ==
        nlohmann::json::parse(R"([{"Type":"volume","Source":"pipemu-src-1",
                                   "Target":"/var/lib/docker/volumes/pipemu-src-1/_data"}])"));
  CHECK(remote["Env"] == nlohmann::json::array({"A=1", "DOCKER_HOST=tcp://engine.example:2375"}));
  CHECK(remote["HostConfig"]["Privileged"] == true);

  // Over the engine's unix socket the only bind is that socket, which is on the engine's machine.
  auto local = container_config(privileged, docker::Endpoint{}, FilesMode::Copy);
  CHECK(local["HostConfig"]["Binds"] == nlohmann::json::array({"/var/run/docker.sock:/var/run/docker.sock"}));
}
