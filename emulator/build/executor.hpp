#pragma once
// Where a build's shell runs. The runner knows nothing of Docker: it asks an Executor for a
// Session (one long-lived main process whose stdout+stderr stream back), talks to the shell
// through files and a FIFO in the control directory, and kills the session on timeout.
// DockerExecutor runs one container per build; LocalExecutor runs the shell on the host.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/expected.hpp"

namespace pipemu::build {

struct Mount {
  std::string host;       // absolute host path
  std::string container;  // absolute path inside the container
  bool read_only = false;
};

struct SessionSpec {
  std::string image;                 // Docker only: the (already mapped) image to run
  std::vector<std::string> command;  // argv of the main process
  std::vector<std::pair<std::string, std::string>> env;
  std::vector<Mount> mounts;         // Docker only; the local executor runs on host paths
  std::string workdir;
  bool privileged = false;           // Docker only: privileged + the engine socket mounted
  std::string label;                 // names the container, e.g. the build id
};

// Receives output chunks (stdout and stderr merged) from a background thread.
using OutputSink = std::function<void(std::string_view)>;

class Session {
 public:
  virtual ~Session() = default;
  // Stops the main process and everything it started (timeouts).
  virtual void kill() = 0;
  // Blocks until the main process ended and all its output reached the sink; its exit code.
  virtual Expected<long, std::string> wait() = 0;
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string name() const = 0;  // "docker" or "local"
  // True when mounts place host directories at container paths (Docker). False: the shell sees
  // host paths directly, so the runner uses host paths everywhere.
  virtual bool maps_paths() const = 0;
  virtual Expected<std::unique_ptr<Session>, std::string> start(const SessionSpec& spec,
                                                                OutputSink sink) = 0;
  // Whether `image` can run here (the local executor runs no image: always true).
  virtual Expected<bool, std::string> has_image(const std::string& image) const {
    (void)image;
    return true;
  }
};

}  // namespace pipemu::build
