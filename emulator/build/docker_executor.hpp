#pragma once
// Runs a build session as one Docker container: host network (so the build reaches pipemu's
// fakes), and, in privileged mode, the engine itself (its socket mounted, or DOCKER_HOST for an
// engine over TCP) so the build's own `docker run` talks to the same engine.
//
// Files reach the container one of two ways (FilesMode):
//   Mount: bind mounts of the source, control and cache directories (an engine on this machine);
//   Copy:  no bind mounts. Each mount's contents are uploaded before the container starts
//          (PUT archive), control files and FIFO lines go through ContainerFiles, and the runner
//          takes the source and cache directories back when the build ends. Works with an engine
//          on another machine; PrivilegedMode puts the source in a volume mounted at its own
//          path on the engine's machine, so `docker run -v $(pwd):...` from the build sees it.
#include "build/docker/client.hpp"
#include "build/executor.hpp"

namespace pipemu::build {

enum class FilesMode { Mount, Copy };

class DockerExecutor : public Executor {
 public:
  explicit DockerExecutor(docker::Client client, FilesMode mode = FilesMode::Mount)
      : client_(std::move(client)), mode_(mode) {}
  std::string name() const override { return "docker"; }
  bool maps_paths() const override { return true; }
  bool copies_files() const override { return mode_ == FilesMode::Copy; }
  Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec,
                                                        OutputSink sink) override;
  Expected<bool, std::string> has_image(const std::string& image) const override {
    return client_.image_exists(image);
  }
  Expected<EngineDir, std::string> create_engine_dir(const std::string& label) override;
  void remove_engine_dir(const std::string& volume) override;
  const docker::Client& client() const { return client_; }
  FilesMode files_mode() const { return mode_; }

 private:
  docker::Client client_;
  FilesMode mode_;
};

// The ContainerConfig body for POST /containers/create (pure; tests inspect it). In copy mode
// the only bind is the engine's own unix socket for a privileged build (that socket is on the
// engine's machine by definition); `spec.mounts` become uploads, volumes become volume mounts.
nlohmann::json container_config(const SessionSpec& spec, const docker::Endpoint& engine,
                                FilesMode mode = FilesMode::Mount);

}  // namespace pipemu::build
