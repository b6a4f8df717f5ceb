#pragma once
// Runs a build session as one Docker container: host network (so the build reaches pipemu's
// fakes on 127.0.0.1), bind mounts for the source, control and cache directories, and, in
// privileged mode, the engine socket so the build's own `docker run` talks to the same engine.
#include "build/docker/client.hpp"
#include "build/executor.hpp"

namespace pipemu::build {

class DockerExecutor : public Executor {
 public:
  explicit DockerExecutor(docker::Client client) : client_(std::move(client)) {}
  std::string name() const override { return "docker"; }
  bool maps_paths() const override { return true; }
  Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec,
                                                        OutputSink sink) override;
  Expected<bool, std::string> has_image(const std::string& image) const override {
    return client_.image_exists(image);
  }
  const docker::Client& client() const { return client_; }

 private:
  docker::Client client_;
};

// The ContainerConfig body for POST /containers/create (pure; tests inspect it).
nlohmann::json container_config(const SessionSpec& spec, const docker::Endpoint& engine);

}  // namespace pipemu::build
